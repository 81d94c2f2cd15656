import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
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

export function createStaff({ username, name, role, password }: { username: string; name: string; role: string; password: string }): void {
  staff(['create', '--username', username, '--name', name, '--role', role, '--password-stdin'], { stdin: `${password}\n` });
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

/**
 * Signs in through the form and expects the newsroom's home: the way a test gets a signed-in user. (The two-factor
 * branch replaces this with a version that also completes its steps.)
 */
export async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await signIn(page, username, password);
  await expect(page).toHaveURL(/\/toa-soan$/);
}
