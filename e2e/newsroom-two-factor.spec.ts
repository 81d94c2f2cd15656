import { expect, test, type Page } from '@playwright/test';
import {
  createStaff,
  enrolOnPage,
  expectSignInPage,
  freshTotpCode,
  knownFactor,
  signIn,
  signInAs,
  staff,
  uniqueUsername,
} from './helpers/newsroom';
import { E2E_BASE_URL } from './helpers/servers';

// Two-factor sign-in (issue #16 point 3; docs/decisions/0026-two-factor.md), in Chromium, every code computed in
// the test from the secret the enrolment page shows as text.

const PASSWORD = 'Ruộng lúa quê hương 2026';
const ORIGIN = new URL(E2E_BASE_URL).origin;
const ENROL = /\/toa-soan\/bao-mat\/hai-lop$/;
const CODE_PAGE = /\/toa-soan\/xac-thuc$/;
const WRONG_CODE = 'Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.';

async function giveCode(page: Page, code: string) {
  await page.getByLabel('Mã xác thực').fill(code);
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expectSignInPage(page);
}

test('a lanh-dao enrols at the first sign-in, then signs in with a code: wrong codes, a reused code and a reused backup code are refused', async ({ page }) => {
  test.setTimeout(120_000);
  const username = uniqueUsername('ld2fa');
  createStaff({ username, name: 'Phạm Văn Hùng', role: 'lanh-dao', password: PASSWORD });

  await signIn(page, username, PASSWORD);
  await expect(page).toHaveURL(ENROL);
  // Nothing else is reachable until enrolment is done, neither pages nor form targets.
  for (const path of ['/toa-soan', '/toa-soan/bao-mat', '/toa-soan/doi-mat-khau', '/toa-soan/xac-thuc']) {
    await page.goto(path);
    await expect(page, path).toHaveURL(ENROL);
  }
  const post = await page.request.post('/toa-soan/bao-mat/ma-du-phong', { form: { code: '123456' }, headers: { origin: ORIGIN }, maxRedirects: 0 });
  expect(post.status()).toBe(303);
  expect(post.headers()['location']).toBe('/toa-soan/bao-mat/hai-lop');

  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await expect(page.getByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' })).toBeVisible();
  await expect(page.getByTestId('khoa-bi-mat')).toHaveText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/);
  await page.getByLabel('Mã xác thực').fill('000000');
  await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(WRONG_CODE);
  const backupCodes = await enrolOnPage(page, username);
  for (const code of backupCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
  expect(new Set(backupCodes).size).toBe(10);
  await page.getByRole('link', { name: 'Tiếp tục vào tòa soạn' }).click();
  await expect(page).toHaveURL(/\/toa-soan$/);
  await expect(page.getByText('Phạm Văn Hùng')).toBeVisible();

  // A lanh-dao may not turn it off: no form, and the form target answers 403.
  await page.goto('/toa-soan/bao-mat');
  await expect(page.getByTestId('trang-thai-hai-lop')).toHaveText('Đang bật');
  await expect(page.getByRole('button', { name: 'Tắt xác thực hai lớp' })).toHaveCount(0);
  const off = await page.request.post('/toa-soan/bao-mat/tat', { form: { code: backupCodes[9]! }, headers: { origin: ORIGIN }, maxRedirects: 0 });
  expect(off.status()).toBe(403);
  await page.goto('/toa-soan');
  await signOut(page);

  // The next sign-in asks for the code, and nothing else opens until it is given.
  await signIn(page, username, PASSWORD);
  await expect(page).toHaveURL(CODE_PAGE);
  await page.goto('/toa-soan');
  await expect(page).toHaveURL(CODE_PAGE);
  await giveCode(page, '000000');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(WRONG_CODE);
  const code = await freshTotpCode(username);
  await giveCode(page, code);
  await expect(page).toHaveURL(/\/toa-soan$/);
  await signOut(page);

  // The same code in a new sign-in, while it is still within its time window: refused. Signing out works here too.
  await signIn(page, username, PASSWORD);
  await giveCode(page, code);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(WRONG_CODE);
  await expect(page).toHaveURL(/\/toa-soan\/xac-thuc\?loi=sai-ma$/);
  await giveCode(page, backupCodes[0]!);
  await expect(page).toHaveURL(/\/toa-soan$/);
  await signOut(page);

  // A backup code works once.
  await signIn(page, username, PASSWORD);
  await giveCode(page, backupCodes[0]!);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(WRONG_CODE);
  await signOut(page);

  // An administrator resets it (a lost phone): signed out, and the next sign-in enrols again.
  await signIn(page, username, PASSWORD);
  await giveCode(page, backupCodes[1]!);
  await expect(page).toHaveURL(/\/toa-soan$/);
  staff(['reset-two-factor', '--username', username]);
  await page.goto('/toa-soan');
  await expectSignInPage(page);
  await signIn(page, username, PASSWORD);
  await expect(page).toHaveURL(ENROL);
});

test('a phong-vien goes straight to the newsroom, and may turn two-factor sign-in on and off at /toa-soan/bao-mat', async ({ page }) => {
  const username = uniqueUsername('pv2fa');
  createStaff({ username, name: 'Trần Thị Mai', role: 'phong-vien', password: PASSWORD });
  await signIn(page, username, PASSWORD);
  await expect(page).toHaveURL(/\/toa-soan$/);
  await page.getByRole('link', { name: /Bảo mật đăng nhập/ }).click();
  await expect(page).toHaveURL(/\/toa-soan\/bao-mat$/);
  await expect(page.getByTestId('trang-thai-hai-lop')).toHaveText('Đang tắt');
  await page.getByRole('link', { name: 'Bật xác thực hai lớp' }).click();
  await expect(page).toHaveURL(ENROL);
  const backupCodes = await enrolOnPage(page, username);
  await page.getByRole('link', { name: 'Tiếp tục vào tòa soạn' }).click();
  await page.goto('/toa-soan/bao-mat');
  await expect(page.getByTestId('trang-thai-hai-lop')).toHaveText('Đang bật');
  await expect(page.getByText('Còn 10 mã dự phòng chưa dùng.')).toBeVisible();

  // Now the phong-vien's sign-in asks for a code too.
  await page.goto('/toa-soan');
  await signOut(page);
  await signInAs(page, username, PASSWORD);
  expect(knownFactor(username)).toBeTruthy();

  const turnOff = page.locator('form', { has: page.getByRole('button', { name: 'Tắt xác thực hai lớp' }) });
  await page.goto('/toa-soan/bao-mat');
  await turnOff.getByLabel('Mã xác thực').fill('000000');
  await turnOff.getByRole('button').click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(WRONG_CODE);
  await turnOff.getByLabel('Mã xác thực').fill(backupCodes[9]!);
  await turnOff.getByRole('button').click();
  await expect(page.getByTestId('trang-thai-hai-lop')).toHaveText('Đang tắt');
  await page.goto('/toa-soan');
  await signOut(page);
  await signIn(page, username, PASSWORD);
  await expect(page).toHaveURL(/\/toa-soan$/);
});
