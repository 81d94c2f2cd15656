import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { generateSync } from 'otplib';
import { E2E_ENV } from './content';

/** The e2e servers' NEWSROOM_SECRET: a test value, never a real one. */
export const E2E_NEWSROOM_SECRET = 'e2e-only-newsroom-secret-0123456789abcdef';

let made = 0;
/** A username no other test (nor an earlier run on the same database) has: 3-30 characters of a-z, 0-9, `.`. */
export const uniqueUsername = (prefix: string) => `${prefix}.${process.pid.toString(36)}${(++made).toString(36)}${Date.now().toString(36).slice(-4)}`;

/** Runs a staff:* command on the e2e database, as an administrator would; returns its output. */
export function staff(args: string[], { stdin = '', env = E2E_ENV }: { stdin?: string; env?: Record<string, string> } = {}): string {
  return execFileSync(path.join('node_modules', '.bin', 'tsx'), ['db/staff/cli.ts', ...args], {
    env: { ...process.env, ...env },
    input: stdin,
    encoding: 'utf8',
  });
}

/** `categories`: the chuyên mục ids of a phong-vien or bien-tap-vien, comma-separated ("17,29"). */
export function createStaff({ username, name, role, password, categories }: { username: string; name: string; role: string; password: string; categories?: string }): void {
  const assigned = categories ? ['--categories', categories] : [];
  staff(['create', '--username', username, '--name', name, '--role', role, ...assigned, '--password-stdin'], { stdin: `${password}\n` });
}

/** Fills the sign-in form by its labels and submits it. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().includes('/toa-soan/dang-nhap')) await page.goto('/toa-soan/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

export async function expectSignInPage(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/toa-soan\/dang-nhap/);
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
}

// Two-factor sign-in (docs/decisions/0026-two-factor.md). What this worker knows of each account it enrolled: the
// secret read from the enrolment page, the backup codes it was shown, and the last time step it gave a code of
// (the server refuses a code of that step or an earlier one, so the next sign-in waits or uses a backup code).
export type KnownFactor = { secret: string; backupCodes: string[]; lastStep: number };
const factors = new Map<string, KnownFactor>();

/** The second factor this worker enrolled for `username`, if any. */
export const knownFactor = (username: string): KnownFactor | undefined => factors.get(username.toLowerCase());

const stepNow = () => Math.floor(Date.now() / 30_000);

/** A TOTP code of a step the server has not seen from this account yet (waiting for the next step if needed). */
export async function freshTotpCode(username: string): Promise<string> {
  const factor = knownFactor(username)!;
  while (stepNow() <= factor.lastStep) await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 50));
  factor.lastStep = stepNow();
  return generateSync({ secret: factor.secret });
}

/** A code to sign in with: a fresh TOTP code when this step is free, otherwise an unused backup code. */
async function codeFor(username: string): Promise<string> {
  const factor = knownFactor(username)!;
  if (stepNow() > factor.lastStep || !factor.backupCodes.length) return freshTotpCode(username);
  return factor.backupCodes.shift()!;
}

/** On the enrolment page: starts (unless started), reads the secret shown as text, confirms with a code; returns the backup codes. */
export async function enrolOnPage(page: Page, username: string): Promise<string[]> {
  const start = page.getByRole('button', { name: 'Bắt đầu' });
  await expect(start.or(page.getByTestId('khoa-bi-mat'))).toBeVisible();
  if (await start.isVisible()) await start.click();
  const secret = (await page.getByTestId('khoa-bi-mat').textContent())!.replace(/\s/g, '');
  factors.set(username.toLowerCase(), { secret, backupCodes: [], lastStep: 0 });
  await page.getByLabel('Mã xác thực').fill(await freshTotpCode(username));
  await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
  await expect(page.getByTestId('shown-once').locator('code')).toHaveCount(10);
  const backupCodes = await page.getByTestId('shown-once').locator('code').allTextContents();
  knownFactor(username)!.backupCodes = [...backupCodes];
  return backupCodes;
}

/**
 * Signs in and completes whatever step comes: the enrolment of a role that requires two-factor sign-in (the
 * secret is remembered for later sign-ins), or the code of an account enrolled earlier in this worker. Ends on
 * /toa-soan. A one-time password to change is left to the test.
 */
export async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await signIn(page, username, password);
  await expect(page).toHaveURL(/\/toa-soan(\/xac-thuc|\/bao-mat\/hai-lop)?$/);
  const path = new URL(page.url()).pathname;
  if (path === '/toa-soan/bao-mat/hai-lop') {
    await enrolOnPage(page, username);
    await page.getByRole('link', { name: 'Tiếp tục vào tòa soạn' }).click();
  } else if (path === '/toa-soan/xac-thuc') {
    if (!knownFactor(username)) throw new Error(`${username} has two-factor sign-in that this worker did not enrol`);
    await page.getByLabel('Mã xác thực').fill(await codeFor(username));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
  }
  await expect(page).toHaveURL(/\/toa-soan$/);
}
