import { expect, test, type Browser } from '@playwright/test';
import { E2E_ENV } from './helpers/content';
import { createStaff, E2E_NEWSROOM_SECRET, expectSignInPage, signIn, signInAs, staff, uniqueUsername } from './helpers/newsroom';
import { E2E_BASE_URL, extraPort, startServer } from './helpers/servers';

// The newsroom's accounts and sign-in (issue #16; docs/decisions/0024-newsroom-accounts.md): accounts are made
// with the staff:* commands, exactly as an administrator would, on the e2e server's database.

const PASSWORD = 'Ruộng lúa quê hương 2026';
const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng';
const ORIGIN = new URL(E2E_BASE_URL).origin;

async function signedInContext(browser: Browser, username: string, password = PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, username, password);
  return { context, page };
}

test.describe('signing in and out', () => {
  test('a member of staff signs in and out with JavaScript off; the form posts with its own Origin', async ({ browser }) => {
    const username = uniqueUsername('lanh.dao');
    createStaff({ username, name: 'Phạm Thị Hoa', role: 'lanh-dao', password: PASSWORD });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const origins: Array<string | undefined> = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') origins.push(request.headers()['origin']);
    });

    await page.goto('/toa-soan');
    await expectSignInPage(page);
    // A lanh-dao's first sign-in goes through two-factor enrolment (e2e/newsroom-two-factor.spec.ts), all forms.
    await signInAs(page, username.toUpperCase(), PASSWORD);
    await expect(page.getByText('Phạm Thị Hoa')).toBeVisible();
    await expect(page.getByTestId('vai-tro')).toHaveText('Lãnh đạo');

    const [cookie] = (await context.cookies()).filter((c) => c.name === 'toa-soan');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(12 * 3600_000);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expectSignInPage(page);
    expect(origins.length).toBeGreaterThanOrEqual(4);
    expect(origins.every((origin) => origin === ORIGIN), origins.join(', ')).toBe(true);

    // The cookie is gone, and the old one no longer opens anything: the session's row was deleted.
    expect((await context.cookies()).filter((c) => c.name === 'toa-soan')).toEqual([]);
    await context.addCookies([cookie!]);
    await page.goto('/toa-soan');
    await expectSignInPage(page);
    await context.close();
  });

  test('a wrong password and an unknown username get the same message', async ({ page }) => {
    const username = uniqueUsername('pv');
    createStaff({ username, name: 'Lê Văn Nam', role: 'phong-vien', password: PASSWORD });
    await signIn(page, username, 'mật khẩu sai hoàn toàn');
    await expectSignInPage(page);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(WRONG);
    // The page's content, not the whole document: Next adds its route announcer to <body> when it hydrates,
    // earlier or later after a load.
    const afterWrongPassword = await page.getByRole('main').evaluate((main) => main.outerHTML);
    const urlAfterWrongPassword = page.url();
    await signIn(page, uniqueUsername('khong.co'), PASSWORD);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(WRONG);
    expect(await page.getByRole('main').evaluate((main) => main.outerHTML)).toBe(afterWrongPassword);
    expect(page.url()).toBe(urlAfterWrongPassword);
  });

  test('a message code in the URL that is not one of the pages\' own shows nothing and breaks nothing', async ({ request }) => {
    for (const path of ['/toa-soan/dang-nhap', '/toa-soan/doi-mat-khau']) {
      for (const code of ['__proto__', 'toString', 'constructor']) {
        const response = await request.get(`${path}?loi=${code}&phut=5`, { maxRedirects: 0 });
        expect(response.status(), `${path}?loi=${code}`).toBeLessThan(500);
      }
    }
    const page = await request.get('/toa-soan/dang-nhap?loi=__proto__');
    expect(page.status()).toBe(200);
    expect(await page.text()).not.toContain('[object Object]');
  });

  test('five failures lock the username for 15 minutes, even for the right password, until it is unlocked', async ({ page }) => {
    const username = uniqueUsername('btv');
    createStaff({ username, name: 'Đỗ Minh Tâm', role: 'bien-tap-vien', password: PASSWORD });
    for (let i = 1; i <= 4; i++) {
      await signIn(page, username, `sai lần thứ ${i} rồi nhé`);
      await expect(page.getByRole('main').getByRole('alert')).toHaveText(WRONG);
    }
    await signIn(page, username, 'sai lần thứ năm rồi nhé');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Tài khoản tạm khóa');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('15 phút');
    await signIn(page, username, PASSWORD);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Tài khoản tạm khóa');

    staff(['unlock', '--username', username]);
    await signInAs(page, username, PASSWORD);
  });
});

test.describe('revoking sessions', () => {
  test('a disabled account is signed out everywhere and cannot sign in again', async ({ browser }) => {
    const username = uniqueUsername('tat');
    createStaff({ username, name: 'Vũ Thị Lan', role: 'phong-vien', password: PASSWORD });
    const { context, page } = await signedInContext(browser, username);
    staff(['disable', '--username', username]);
    await page.goto('/toa-soan');
    await expectSignInPage(page);
    await signIn(page, username, PASSWORD);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('vô hiệu hóa');
    // The same answer with a wrong password: it never tells whether the password typed was right.
    const withRightPassword = await page.getByRole('main').getByRole('alert').textContent();
    await signIn(page, username, 'mật khẩu sai hoàn toàn');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(withRightPassword!);
    await context.close();
  });

  test('changing the password signs out the other browsers, not this one', async ({ browser }) => {
    const username = uniqueUsername('doi');
    createStaff({ username, name: 'Ngô Văn Bình', role: 'quan-tri', password: PASSWORD });
    const first = await signedInContext(browser, username);
    const second = await signedInContext(browser, username);

    await second.page.goto('/toa-soan/doi-mat-khau');
    await second.page.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
    await second.page.getByLabel('Mật khẩu mới', { exact: true }).fill('Sông Trà Lý chảy về biển');
    await second.page.getByLabel('Nhập lại mật khẩu mới').fill('Sông Trà Lý chảy về biển');
    await second.page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(second.page).toHaveURL(/\/toa-soan$/);

    await first.page.goto('/toa-soan');
    await expectSignInPage(first.page);
    await second.page.reload();
    await expect(second.page.getByTestId('vai-tro')).toHaveText('Quản trị');
    await signIn(first.page, username, PASSWORD);
    await expect(first.page.getByRole('main').getByRole('alert')).toHaveText(WRONG);
    await first.context.close();
    await second.context.close();
  });

  test('a one-time password from staff:create must be changed at the first sign-in', async ({ page }) => {
    const username = uniqueUsername('moi');
    const output = staff(['create', '--username', username, '--name', 'Trịnh Văn Quân', '--role', 'phong-vien', '--categories', '17']);
    const oneTime = /One-time password[^:]*: (\S+)/.exec(output)![1]!;
    await signIn(page, username, oneTime);
    await expect(page).toHaveURL(/\/toa-soan\/doi-mat-khau$/);
    await page.goto('/toa-soan');
    await expect(page).toHaveURL(/\/toa-soan\/doi-mat-khau$/);
    await page.getByLabel('Mật khẩu hiện tại').fill(oneTime);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('password1234');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('password1234');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('quá phổ biến');
    await page.getByLabel('Mật khẩu hiện tại').fill(oneTime);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(page).toHaveURL(/\/toa-soan$/);
    await expect(page.getByTestId('vai-tro')).toHaveText('Phóng viên');
  });
});

test.describe('what protects the newsroom', () => {
  test('every /toa-soan response is private, unindexed, unframed and keeps its URL to itself', async ({ request }) => {
    const responses: Array<[path: string, status: number, method?: string, origin?: string]> = [
      ['/toa-soan/dang-nhap', 200],
      ['/toa-soan', 307],
      ['/toa-soan/khong-co', 404],
      ['/toa-soan/dang-nhap/gui', 303],
      ['/toa-soan/dang-nhap/gui', 403, 'POST'],
      ['/toa-soan/dang-xuat', 403, 'DELETE'],
      ['/toa-soan/dang-xuat', 405, 'DELETE', ORIGIN],
      // Pages take no post (no server actions): answered before Next.
      ['/toa-soan/dang-nhap', 405, 'POST', ORIGIN],
    ];
    for (const [path, status, method, origin] of responses) {
      const response = await request.fetch(path, { method: method ?? 'GET', maxRedirects: 0, headers: origin ? { origin } : {} });
      const headers = response.headers();
      expect(response.status(), path).toBe(status);
      expect(headers['cache-control'], path).toBe('private, no-store');
      expect(headers['x-robots-tag'], path).toBe('noindex, nofollow');
      expect(headers['referrer-policy'], path).toBe('same-origin');
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    }
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toContain('Disallow: /toa-soan\n');
  });

  test('posts from another site, a null Origin or none are refused with 403 and change nothing', async ({ request, browser }) => {
    const username = uniqueUsername('csrf');
    createStaff({ username, name: 'Hồ Văn Sơn', role: 'phong-vien', password: PASSWORD });
    const form = { username, password: PASSWORD };
    for (const origin of ['https://evil.example', 'null', undefined]) {
      const response = await request.post('/toa-soan/dang-nhap/gui', { form, headers: origin ? { origin } : {}, maxRedirects: 0 });
      expect(response.status(), `Origin: ${origin}`).toBe(403);
      expect(response.headers()['set-cookie'], `Origin: ${origin}`).toBeUndefined();
    }
    const accepted = await request.post('/toa-soan/dang-nhap/gui', { form, headers: { origin: ORIGIN }, maxRedirects: 0 });
    expect(accepted.status()).toBe(303);
    expect(accepted.headers()['location']).toBe('/toa-soan');

    // A signed-in browser's session survives a sign-out posted from elsewhere.
    const { context, page } = await signedInContext(browser, username);
    const cookie = (await context.cookies()).find((c) => c.name === 'toa-soan')!;
    const foreign = await request.post('/toa-soan/dang-xuat', { headers: { origin: 'https://evil.example', cookie: `toa-soan=${cookie.value}` }, maxRedirects: 0 });
    expect(foreign.status()).toBe(403);
    await page.reload();
    await expect(page.getByTestId('vai-tro')).toHaveText('Phóng viên');
    await context.close();
  });

  test('on an https SITE_URL the cookie is __Host- and Secure; 20 attempts a minute from one address, then 429', async () => {
    const site = 'https://tin.example.vn';
    const server = await startServer({ port: extraPort(15), env: { ...E2E_ENV, SITE_URL: site, VIEW_RATE_LIMIT: '0', NEWSROOM_SECRET: E2E_NEWSROOM_SECRET } });
    try {
      const username = uniqueUsername('https');
      createStaff({ username, name: 'Mai Văn Hải', role: 'lanh-dao', password: PASSWORD });
      const attempt = (password: string) =>
        fetch(`${server.url}/toa-soan/dang-nhap/gui`, {
          method: 'POST',
          redirect: 'manual',
          headers: { origin: site, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ username, password }),
        });
      const signedIn = await attempt(PASSWORD);
      expect(signedIn.status).toBe(303);
      const setCookie = signedIn.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^__Host-toa-soan=[^;]+; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Lax$/);

      for (let i = 2; i <= 20; i++) expect((await attempt('x')).status, `attempt ${i}`).toBe(303);
      const refused = await attempt(PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(refused.headers.get('set-cookie')).toBeNull();
    } finally {
      await server.stop();
    }
  });
});
