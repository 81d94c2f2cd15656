import { expect, test } from '@playwright/test';

test.describe('the home page', () => {
  test('shows the latest articles with thumbnails, newest first', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    const latest = page.getByRole('region', { name: 'Tin mới nhất' });
    const cards = latest.locator('article');
    expect(await cards.count()).toBeGreaterThanOrEqual(5);
    await expect(cards.first().locator('img')).toHaveCount(1);
    const dates = await latest.locator('time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime')!)));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  test('has a block per category, each titled with a link to its category page', async ({ page }) => {
    await page.goto('/');
    const headings = page.locator('.home-section h2 a');
    expect(await headings.count()).toBeGreaterThanOrEqual(6);
    await expect(headings.first()).toHaveText('Chính trị');
    await expect(headings.first()).toHaveAttribute('href', '/news/17');
  });

  test('every article link on the home page is canonical (no redirect)', async ({ page, request }) => {
    await page.goto('/');
    const hrefs = await page.locator('a[href^="/news/"]').evaluateAll((els) => els.map((el) => el.getAttribute('href')!));
    const articleLinks = [...new Set(hrefs.filter((h) => /^\/news\/\d+\/\d+\//.test(h)))];
    expect(articleLinks.length).toBeGreaterThanOrEqual(20);
    for (const href of articleLinks) {
      const response = await request.get(href, { maxRedirects: 0 });
      expect(response.status(), href).toBe(200);
    }
  });
});
