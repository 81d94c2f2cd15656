import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { signInAs, staff, uniqueUsername } from './helpers/newsroom';

// The newsroom's article list at /toa-soan (issue #17): signed in as each role, in Chromium with JavaScript off
// (the filters are a plain GET form) except for axe, which runs as a script in the page. The e2e database holds
// the demo content (db/seed/articles: 70 articles, 3 of them drafts, 14 in category 17 "Chính trị").

const PASSWORD = 'Ruộng lúa quê hương 2026';
const SEED_TITLE = 'Học sinh Thái Bình trở lại trường sau kỳ nghỉ Tết kéo dài'; // db/seed/articles/59205.json, category 19
const SEED_DRAFT = 'Nông dân Hưng Hà tích cực chống rét cho mạ xuân và đàn gia súc'; // 59312.json

async function asNewUser(browser: Browser, { role, categories = '', javaScript = false }: { role: string; categories?: string; javaScript?: boolean }) {
  const username = uniqueUsername(role === 'phong-vien' ? 'pv.ds' : role === 'lanh-dao' ? 'ld.ds' : 'qt.ds');
  const args = ['create', '--username', username, '--name', 'Người Thử Danh Sách', '--role', role, '--password-stdin'];
  staff(categories ? [...args, '--categories', categories] : args, { stdin: `${PASSWORD}\n` });
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await signInAs(page, username, PASSWORD);
  return { context, page };
}

/** The filter form (the site header has a "Chuyên mục" menu too). */
const form = (page: Page) => page.getByRole('form', { name: 'Lọc bài viết' });
/** The "Tất cả bài viết" table (not "Bài của tôi"). */
const allArticles = (page: Page) => page.getByRole('table', { name: /^Tất cả bài viết/ });
const rows = (page: Page) => allArticles(page).getByRole('row').filter({ has: page.getByRole('rowheader') });
const COLUMNS = { status: 0, category: 1, byline: 2 } as const; // the cells after the title (a row header)
const cellOf = (row: Locator, column: keyof typeof COLUMNS) => row.getByRole('cell').nth(COLUMNS[column]);

async function columnTexts(page: Page, column: keyof typeof COLUMNS): Promise<string[]> {
  const texts: string[] = [];
  for (const row of await rows(page).all()) texts.push((await cellOf(row, column).textContent())!.trim());
  return texts;
}

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

test('a lanh-dao sees the seeded articles, newest change first, and finds a title typed without diacritics', async ({ browser }) => {
  const { context, page } = await asNewUser(browser, { role: 'lanh-dao' });
  await expect(page.getByRole('heading', { level: 1, name: 'Bài viết' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Viết bài mới' })).toHaveAttribute('href', '/toa-soan/bai-viet/moi');
  await expect(page.getByRole('heading', { level: 2, name: 'Bài của tôi' })).toBeVisible();
  await expect(page.getByText('Bạn chưa viết bài nào.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Tất cả bài viết' })).toBeVisible();
  const caption = (await allArticles(page).locator('caption').textContent())!;
  expect(Number(/: ([\d.]+) bài/.exec(caption)![1]!.replace(/\./g, ''))).toBeGreaterThanOrEqual(70);
  await expect(rows(page)).toHaveCount(20);
  await expect(page.getByRole('navigation', { name: 'Phân trang' })).toBeVisible();

  await form(page).getByLabel('Tìm theo tiêu đề').fill('hoc sinh thai binh');
  await form(page).getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/\/toa-soan\?q=hoc\+sinh\+thai\+binh/);
  const found = rows(page).filter({ hasText: SEED_TITLE });
  await expect(found).toHaveCount(1);
  // The title opens the editor; the public page is linked because it is published, with the Vietnamese date-time.
  const id = '59205';
  await expect(found.getByRole('link', { name: SEED_TITLE, exact: true })).toHaveAttribute('href', `/toa-soan/bai-viet/${id}`);
  await expect(found.getByRole('link', { name: /^Xem trên trang/ })).toHaveAttribute('href', new RegExp(`^/news/19/${id}/`));
  await expect(cellOf(found, 'status')).toHaveText('Đã xuất bản');
  await expect(cellOf(found, 'category')).toHaveText('Xã hội');
  await expect(found.locator('time')).toHaveText(/^(Thứ [2-7]|Chủ nhật), \d{2}\.\d{2}\.\d{4} \| \d{2}:\d{2}:\d{2}$/);
  await expect(found.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
  await expect(form(page).getByLabel('Tìm theo tiêu đề')).toHaveValue('hoc sinh thai binh');

  // Every title the plain words find has them, with diacritics.
  await form(page).getByLabel('Tìm theo tiêu đề').fill('thai binh');
  await form(page).getByRole('button', { name: 'Lọc' }).click();
  const titles = await rows(page).getByRole('rowheader').allTextContents();
  expect(titles.length).toBeGreaterThan(10);
  for (const title of titles) expect(fold(title), title).toContain('thai binh');
  expect(titles.some((title) => title.includes('Thái Bình'))).toBe(true);
  await context.close();
});

test('the status filter, and page links that keep every filter', async ({ browser }) => {
  const { context, page } = await asNewUser(browser, { role: 'lanh-dao' });
  await form(page).getByLabel('Trạng thái').selectOption({ label: 'Nháp' });
  await form(page).getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/trang-thai=nhap/);
  expect(new Set(await columnTexts(page, 'status'))).toEqual(new Set(['Nháp']));
  await expect(rows(page).filter({ hasText: SEED_DRAFT })).toHaveCount(1);
  await expect(rows(page).filter({ hasText: SEED_DRAFT }).getByRole('link', { name: /^Xem trên trang/ })).toHaveCount(0);

  await form(page).getByLabel('Trạng thái').selectOption({ label: 'Đã xuất bản' });
  await form(page).getByLabel('Tìm theo tiêu đề').fill('thai');
  await form(page).getByRole('button', { name: 'Lọc' }).click();
  await expect(allArticles(page).locator('caption')).toContainText('(trang 1/');
  await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang sau' }).click();
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'thai', 'trang-thai': 'da-xuat-ban', trang: '2' });
  await expect(allArticles(page).locator('caption')).toContainText('(trang 2/');
  await expect(form(page).getByLabel('Trạng thái')).toHaveValue('da-xuat-ban');
  await expect(form(page).getByLabel('Tìm theo tiêu đề')).toHaveValue('thai');
  expect(new Set(await columnTexts(page, 'status'))).toEqual(new Set(['Đã xuất bản']));
  for (const title of await rows(page).getByRole('rowheader').allTextContents()) expect(fold(title)).toContain('thai');
  // Back to page 1 through the links, filters still there.
  await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang 1' }).click();
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: 'thai', 'trang-thai': 'da-xuat-ban' });
  await context.close();
});

test('the category and author filters; garbage in the query string is ignored, never an error', async ({ browser }) => {
  const { context, page } = await asNewUser(browser, { role: 'lanh-dao' });
  await form(page).getByLabel('Chuyên mục').selectOption({ label: 'Thể thao' });
  await form(page).getByRole('button', { name: 'Lọc' }).click();
  expect(new Set(await columnTexts(page, 'category'))).toEqual(new Set(['Thể thao']));
  await expect(rows(page)).not.toHaveCount(0);

  // A byline author typed without diacritics (the demo content has six articles by Hải Yến alone).
  await page.goto('/toa-soan');
  await form(page).getByLabel('Tác giả').fill('hai yen');
  await form(page).getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/tac-gia=hai\+yen/);
  const bylines = await columnTexts(page, 'byline');
  expect(bylines.length).toBeGreaterThanOrEqual(6);
  for (const text of bylines) expect(text).toContain('Hải Yến');

  for (const search of ['?trang=-1', '?trang=abc&chuyen-muc=1e3', '?trang-thai=%00&q=%25%25', '?chuyen-muc=99999999999999999999', '?tac-gia=%21%21%21&trang=999999', '?q=' + 'x'.repeat(500)]) {
    const response = await page.goto(`/toa-soan${search}`);
    expect(response?.status(), search).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Bài viết' }), search).toBeVisible();
  }
  await context.close();
});

test('a phong-vien of category 17 sees only that category’s articles (and their own); a quan-tri sees no list', async ({ browser }) => {
  const reporter = await asNewUser(browser, { role: 'phong-vien', categories: '17' });
  const { page } = reporter;
  await expect(page.getByRole('heading', { level: 1, name: 'Bài viết' })).toBeVisible();
  const categories = await columnTexts(page, 'category');
  expect(categories.length).toBeGreaterThanOrEqual(14);
  expect(new Set(categories)).toEqual(new Set(['Chính trị']));
  await expect(rows(page).filter({ hasText: 'Tham mưu triển khai hiệu quả nhiều nhiệm vụ quan trọng' })).toHaveCount(1);
  // An article of another category is not found, even by its title.
  await page.goto('/toa-soan?q=hoc+sinh+thai+binh');
  await expect(allArticles(page)).toHaveCount(0);
  await expect(page.getByText('Không có bài viết nào khớp bộ lọc.')).toBeVisible();
  await reporter.context.close();

  const admin = await asNewUser(browser, { role: 'quan-tri' });
  await expect(admin.page.getByRole('heading', { level: 1, name: 'Tòa soạn' })).toBeVisible();
  await expect(admin.page.getByRole('heading', { name: 'Bài viết' })).toHaveCount(0);
  await expect(admin.page.getByRole('table')).toHaveCount(0);
  await expect(admin.page.getByRole('link', { name: 'Viết bài mới' })).toHaveCount(0);
  for (const name of ['Người dùng', 'Nhật ký', 'Bảo mật đăng nhập (xác thực hai lớp)']) await expect(admin.page.getByRole('link', { name })).toBeVisible();
  await expect(admin.page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await admin.context.close();
});

test('the list meets WCAG 2.1 A and AA as axe checks it, at 1280 and 768 px', async ({ browser }) => {
  const { context, page } = await asNewUser(browser, { role: 'lanh-dao', javaScript: true });
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['/toa-soan', '/toa-soan?q=thai+binh&trang-thai=da-xuat-ban&trang=2', '/toa-soan?q=khong+co+bai+nay']) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${width} ${path}`).toEqual([]);
      // Usable at this width: nothing wider than the window, so nothing needs scrolling sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} ${path}`).toBeLessThanOrEqual(width);
    }
  }
  await context.close();
});
