import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createStaff, expectSignInPage, signIn, signInAs, uniqueUsername } from './helpers/newsroom';
import { E2E_BASE_URL } from './helpers/servers';

// Account management in the browser (issue #16: /toa-soan/nguoi-dung and /toa-soan/nhat-ky; docs/decisions/
// 0027-account-management.md). Each test makes its own quan-tri with the staff:* command, then works as a quan-tri
// would, in Chromium with JavaScript off (the newsroom's forms are plain HTML); the person whose account changes
// works in another browser context.

const PASSWORD = 'Ruộng lúa quê hương 2026';
const NEW_PASSWORD = 'Sông Trà Lý chảy về biển';
const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng';
const ORIGIN = new URL(E2E_BASE_URL).origin;

async function asNewUser(browser: Browser, { prefix, role, name, javaScript = false }: { prefix: string; role: string; name: string; javaScript?: boolean }) {
  const username = uniqueUsername(prefix);
  createStaff({ username, name, role, password: PASSWORD });
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await signInAs(page, username, PASSWORD);
  return { username, context, page };
}

const quanTri = (browser: Browser) => asNewUser(browser, { prefix: 'qt', role: 'quan-tri', name: 'Trần Quản Trị' });

/** A quan-tri's browser on an account's page. */
async function openAccount(page: Page, username: string) {
  await page.goto(`/toa-soan/nguoi-dung/${username}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** The one-time password of the shown-once page just answered. */
async function shownPassword(page: Page): Promise<string> {
  const shown = (await page.getByTestId('shown-once').locator('code').textContent())?.trim();
  expect(shown).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  return shown!;
}

/** Signs in with a one-time password, is sent to change it, and changes it. */
async function firstSignIn(page: Page, username: string, oneTime: string) {
  await signIn(page, username, oneTime);
  await expect(page).toHaveURL(/\/toa-soan\/doi-mat-khau$/);
  await page.goto('/toa-soan');
  await expect(page).toHaveURL(/\/toa-soan\/doi-mat-khau$/);
  await page.getByLabel('Mật khẩu hiện tại').fill(oneTime);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page).toHaveURL(/\/toa-soan$/);
}

/** The audit page, filtered to one person, has a row of this action by this actor about this subject. */
async function expectAuditRow(page: Page, { subject, actor, label }: { subject: string; actor: string; label: string }) {
  await page.goto(`/toa-soan/nhat-ky?nguoi=${subject}`);
  const cell = (name: string) => page.getByRole('cell', { name, exact: true });
  const row = page.getByRole('row').filter({ has: cell(label) }).filter({ has: cell(actor) }).filter({ has: cell(subject) });
  await expect(row.first(), `${label} by ${actor} on ${subject}`).toBeVisible();
}

test('a quan-tri creates a reporter in the browser; the one-time password shown works once and must be changed', async ({ browser }) => {
  const admin = await quanTri(browser);
  const { page } = admin;
  await page.getByRole('link', { name: 'Người dùng' }).click();
  await expect(page.getByRole('table', { name: /Tài khoản tòa soạn/ })).toBeVisible();
  await page.getByRole('link', { name: 'Tạo tài khoản mới' }).click();
  const username = uniqueUsername('pv.moi');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Họ tên').fill('Lý Thị Mai');
  await page.getByLabel('Vai trò').selectOption({ label: 'Phóng viên' });
  await page.getByLabel('Kinh tế', { exact: true }).check();
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const oneTime = await shownPassword(page);

  const reporter = await browser.newContext({ javaScriptEnabled: false });
  const reporterPage = await reporter.newPage();
  await firstSignIn(reporterPage, username, oneTime);
  await expect(reporterPage.getByTestId('vai-tro')).toHaveText('Phóng viên');
  await expect(reporterPage.getByRole('link', { name: 'Người dùng' })).toHaveCount(0);

  await page.goto('/toa-soan/nguoi-dung');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Lý Thị Mai' }) });
  await expect(row).toContainText('Phóng viên');
  await expect(row).toContainText('Kinh tế');
  await expect(row).toContainText('Hoạt động');
  await expect(row).not.toContainText('Chưa đăng nhập');
  await expectAuditRow(page, { subject: username, actor: admin.username, label: 'Tạo tài khoản' });
  await expectAuditRow(page, { subject: username, actor: username, label: 'Tự đổi mật khẩu' });

  // The audit page's filter form: one person and one action.
  await page.goto('/toa-soan/nhat-ky');
  await page.getByLabel('Người (tên đăng nhập)').fill(username);
  await page.getByLabel('Hành động').selectOption({ label: 'Tạo tài khoản' });
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(new RegExp(`nguoi=${username.replace('.', '\\.')}&hanh-dong=account-created`));
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('row').nth(1)).toContainText(`${admin.username}Tạo tài khoản${username}`);

  // The same username again is refused with the page's own message.
  await page.goto('/toa-soan/nguoi-dung/moi');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Họ tên').fill('Người Khác');
  await page.getByLabel('Vai trò').selectOption({ label: 'Lãnh đạo' });
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Tên đăng nhập này đã có người dùng.');
  await reporter.close();
  await admin.context.close();
});

test('five wrong passwords lock an account; a quan-tri unlocks it on its page and the owner signs in', async ({ browser, page }) => {
  const admin = await quanTri(browser);
  const username = uniqueUsername('btv.khoa');
  createStaff({ username, name: 'Đỗ Minh Tâm', role: 'bien-tap-vien', password: PASSWORD });
  for (let i = 1; i <= 5; i++) await signIn(page, username, `sai lần thứ ${i} rồi nhé`);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Tài khoản tạm khóa');

  await openAccount(admin.page, username);
  await expect(admin.page.getByTestId('trang-thai')).toContainText('Tạm khóa đến');
  await admin.page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(admin.page.getByRole('main').getByRole('status')).toHaveText('Đã mở khóa tài khoản.');
  await expect(admin.page.getByTestId('trang-thai')).toHaveText('Hoạt động');
  await expect(admin.page.getByRole('button', { name: 'Mở khóa' })).toHaveCount(0);

  await signInAs(page, username, PASSWORD);
  await expectAuditRow(admin.page, { subject: username, actor: '—', label: 'Tạm khóa do đăng nhập sai' });
  await expectAuditRow(admin.page, { subject: username, actor: admin.username, label: 'Mở khóa tài khoản' });
  await expectAuditRow(admin.page, { subject: username, actor: username, label: 'Đăng nhập' });
  await admin.context.close();
});

test('a password reset: the old password is refused, the new one-time password must be changed, open sessions end', async ({ browser }) => {
  const admin = await quanTri(browser);
  const user = await asNewUser(browser, { prefix: 'pv.quen', role: 'phong-vien', name: 'Hà Văn Sơn' });
  await openAccount(admin.page, user.username);
  await admin.page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  const oneTime = await shownPassword(admin.page);

  await user.page.goto('/toa-soan');
  await expectSignInPage(user.page);
  await signIn(user.page, user.username, PASSWORD);
  await expect(user.page.getByRole('main').getByRole('alert')).toHaveText(WRONG);
  await firstSignIn(user.page, user.username, oneTime);
  await expectAuditRow(admin.page, { subject: user.username, actor: admin.username, label: 'Đặt lại mật khẩu' });
  await user.context.close();
  await admin.context.close();
});

test('disabling ends the open session at its next request and refuses sign-in; enabling lets the user in again', async ({ browser }) => {
  const admin = await quanTri(browser);
  const user = await asNewUser(browser, { prefix: 'pv.tat', role: 'phong-vien', name: 'Vũ Thị Lan' });
  await openAccount(admin.page, user.username);
  await admin.page.getByRole('button', { name: 'Vô hiệu hóa', exact: true }).click();
  await expect(admin.page.getByRole('main').getByRole('status')).toContainText('Đã vô hiệu hóa tài khoản');
  await expect(admin.page.getByTestId('trang-thai')).toHaveText('Đã vô hiệu hóa');

  await user.page.reload();
  await expectSignInPage(user.page);
  await signIn(user.page, user.username, PASSWORD);
  await expect(user.page.getByRole('main').getByRole('alert')).toContainText('vô hiệu hóa');

  await admin.page.getByRole('button', { name: 'Kích hoạt lại' }).click();
  await expect(admin.page.getByRole('main').getByRole('status')).toHaveText('Đã kích hoạt lại tài khoản.');
  await signInAs(user.page, user.username, PASSWORD);
  await expectAuditRow(admin.page, { subject: user.username, actor: admin.username, label: 'Vô hiệu hóa tài khoản' });
  await expectAuditRow(admin.page, { subject: user.username, actor: admin.username, label: 'Kích hoạt lại tài khoản' });
  await expectAuditRow(admin.page, { subject: user.username, actor: '—', label: 'Đăng nhập thất bại' });
  await user.context.close();
  await admin.context.close();
});

test("a new role ends the user's open session; a quan-tri cannot disable or demote themself", async ({ browser }) => {
  const admin = await quanTri(browser);
  const user = await asNewUser(browser, { prefix: 'pv.len', role: 'phong-vien', name: 'Ngô Văn Bình' });
  await openAccount(admin.page, user.username);
  const roleForm = admin.page.getByRole('form', { name: 'Vai trò và chuyên mục' });
  await roleForm.getByLabel('Vai trò').selectOption({ label: 'Biên tập viên' });
  await roleForm.getByLabel('Thể thao', { exact: true }).check();
  await roleForm.getByRole('button', { name: 'Lưu vai trò' }).click();
  await expect(admin.page.getByRole('main').getByRole('status')).toContainText('Đã đổi vai trò');
  await expect(admin.page.getByTestId('vai-tro')).toHaveText('Biên tập viên');

  await user.page.reload();
  await expectSignInPage(user.page);
  await signInAs(user.page, user.username, PASSWORD);
  await expect(user.page.getByTestId('vai-tro')).toHaveText('Biên tập viên');
  await expectAuditRow(admin.page, { subject: user.username, actor: admin.username, label: 'Đổi vai trò, chuyên mục' });
  await expect(admin.page.getByRole('row').filter({ hasText: 'Đổi vai trò' }).first()).toContainText('Phóng viên → Biên tập viên (Thể thao)');

  await openAccount(admin.page, admin.username);
  await admin.page.getByRole('button', { name: 'Vô hiệu hóa', exact: true }).click();
  await expect(admin.page.getByRole('main').getByRole('alert')).toHaveText('Bạn không thể tự vô hiệu hóa tài khoản của mình.');
  const ownRole = admin.page.getByRole('form', { name: 'Vai trò và chuyên mục' });
  await ownRole.getByLabel('Vai trò').selectOption({ label: 'Lãnh đạo' });
  await ownRole.getByRole('button', { name: 'Lưu vai trò' }).click();
  await expect(admin.page.getByRole('main').getByRole('alert')).toContainText('không thể tự bỏ vai trò quản trị');
  await expect(admin.page.getByTestId('vai-tro')).toHaveText('Quản trị');
  await expect(admin.page.getByTestId('trang-thai')).toHaveText('Hoạt động');
  await user.context.close();
  await admin.context.close();
});

test("message codes and filters in the URL that are not the pages' own show nothing and break nothing", async ({ browser }) => {
  const admin = await quanTri(browser);
  const junk = [
    '/toa-soan/nguoi-dung?loi=__proto__',
    '/toa-soan/nguoi-dung/moi?loi=toString',
    `/toa-soan/nguoi-dung/${admin.username}?thong-bao=__proto__&loi=constructor`,
    `/toa-soan/nguoi-dung/${admin.username}?thong-bao=%3Cb%3Ex%3C%2Fb%3E`,
    '/toa-soan/nguoi-dung/khong.co.ai',
    '/toa-soan/nguoi-dung/%E1%BA%A1%20x',
    '/toa-soan/nhat-ky?trang=abc&hanh-dong=__proto__&nguoi=%00',
    '/toa-soan/nhat-ky?trang=99999&nguoi=' + 'x'.repeat(300),
    '/toa-soan/nhat-ky?trang=2&trang=3&hanh-dong=sign-in&hanh-dong=lockout',
  ];
  for (const path of junk) {
    const response = await admin.page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
    const html = await response.text();
    expect(html, path).not.toContain('[object Object]');
    expect(html, path).not.toContain('<b>x</b>');
  }
  await admin.context.close();
});

test('the account and audit pages meet WCAG 2.1 A and AA as axe checks them', async ({ browser }) => {
  // axe runs as a script in the page.
  const admin = await asNewUser(browser, { prefix: 'qt.axe', role: 'quan-tri', name: 'Trần Quản Trị', javaScript: true });
  const username = uniqueUsername('pv.axe');
  createStaff({ username, name: 'Lương Thị Hoa', role: 'phong-vien', password: PASSWORD });
  for (const path of ['/toa-soan', '/toa-soan/nguoi-dung', '/toa-soan/nguoi-dung/moi', `/toa-soan/nguoi-dung/${username}?loi=tu-vo-hieu`, '/toa-soan/nhat-ky']) {
    await admin.page.goto(path);
    const { violations } = await new AxeBuilder({ page: admin.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path).toEqual([]);
  }
  await admin.context.close();
});

test('a quan-tri resets a lost phone: the open session ends and the next sign-in enrols again; without two-factor there is nothing to reset', async ({ browser }) => {
  const admin = await quanTri(browser);
  const leader = await asNewUser(browser, { prefix: 'ld.mat', role: 'lanh-dao', name: 'Đỗ Văn Mất' });
  await openAccount(admin.page, leader.username);
  await admin.page.getByRole('button', { name: 'Đặt lại xác thực hai lớp' }).click();
  await expect(admin.page.getByRole('main').getByRole('status')).toContainText('Đã đặt lại xác thực hai lớp');
  await leader.page.goto('/toa-soan');
  await expectSignInPage(leader.page);
  await signIn(leader.page, leader.username, PASSWORD);
  await expect(leader.page).toHaveURL(/\/toa-soan\/bao-mat\/hai-lop$/);
  await expectAuditRow(admin.page, { subject: leader.username, actor: admin.username, label: 'Đặt lại xác thực hai lớp' });

  const username = uniqueUsername('pv.hai');
  createStaff({ username, name: 'Mai Văn Hải', role: 'phong-vien', password: PASSWORD });
  await openAccount(admin.page, username);
  await admin.page.getByRole('button', { name: 'Đặt lại xác thực hai lớp' }).click();
  await expect(admin.page.getByRole('main').getByRole('alert')).toContainText('Chưa có xác thực hai lớp');
  await expect(admin.page.getByRole('main').getByRole('status')).toHaveCount(0);
  await leader.context.close();
  await admin.context.close();
});

test('a reporter or a leader gets 403 on the account and audit pages, and every account form target refuses them', async ({ browser }) => {
  const admin = await quanTri(browser);
  const target = await asNewUser(browser, { prefix: 'pv.dich', role: 'phong-vien', name: 'Phan Văn Đích' });
  for (const role of ['phong-vien', 'lanh-dao']) {
    // With JavaScript off: the 403 page is readable as sent (server.mjs replaces Next's empty error document).
    const user = await asNewUser(browser, { prefix: role === 'phong-vien' ? 'pv.to' : 'ld.to', role, name: 'Người Tò Mò' });
    await expect(user.page.getByRole('link', { name: 'Người dùng' })).toHaveCount(0);
    await expect(user.page.getByRole('link', { name: 'Nhật ký' })).toHaveCount(0);
    for (const path of ['/toa-soan/nguoi-dung', '/toa-soan/nguoi-dung/moi', `/toa-soan/nguoi-dung/${target.username}`, '/toa-soan/nhat-ky']) {
      const response = await user.page.goto(path);
      expect(response?.status(), `${role} ${path}`).toBe(403);
      await expect(user.page.getByRole('heading', { name: 'Không có quyền' })).toBeVisible();
    }
    const created = uniqueUsername('pv.lau');
    const posts: Array<[string, Record<string, string>]> = [
      ['/toa-soan/nguoi-dung/moi/gui', { 'ten-dang-nhap': created, 'ho-ten': 'Kẻ Lạ', 'vai-tro': 'quan-tri' }],
      [`/toa-soan/nguoi-dung/${target.username}/vai-tro`, { 'vai-tro': 'quan-tri' }],
      [`/toa-soan/nguoi-dung/${target.username}/dat-lai-mat-khau`, {}],
      [`/toa-soan/nguoi-dung/${target.username}/vo-hieu-hoa`, {}],
      [`/toa-soan/nguoi-dung/${target.username}/kich-hoat`, {}],
      [`/toa-soan/nguoi-dung/${target.username}/mo-khoa`, {}],
      [`/toa-soan/nguoi-dung/${target.username}/dat-lai-hai-lop`, {}],
    ];
    for (const [path, form] of posts) {
      const response = await user.page.request.post(path, { form, headers: { origin: ORIGIN }, maxRedirects: 0 });
      expect(response.status(), `${role} POST ${path}`).toBe(403);
      expect(await response.text()).toContain('Không có quyền');
    }
    const page404 = await admin.page.goto(`/toa-soan/nguoi-dung/${created}`);
    expect(page404?.status()).toBe(404);
    await user.context.close();
  }
  // Nothing happened to the target: same role, still enabled, still signed in, and nothing in its audit rows.
  await openAccount(admin.page, target.username);
  await expect(admin.page.getByTestId('vai-tro')).toHaveText('Phóng viên');
  await expect(admin.page.getByTestId('trang-thai')).toHaveText('Hoạt động');
  await target.page.reload();
  await expect(target.page.getByTestId('vai-tro')).toHaveText('Phóng viên');
  await admin.page.goto(`/toa-soan/nhat-ky?nguoi=${target.username}`);
  await expect(admin.page.getByRole('row')).toHaveCount(3); // the header, the account's creation, its sign-in
  await target.context.close();
  await admin.context.close();
});
