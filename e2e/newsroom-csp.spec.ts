import { expect, test, type Browser, type Page } from '@playwright/test';
import { watchCspViolations } from './helpers/csp';
import { createStaff, signInAs, uniqueUsername } from './helpers/newsroom';

// Every newsroom page runs under a policy of its own: scripts only with the nonce made for that response, no
// 'unsafe-inline' or 'unsafe-eval' for scripts, never framed (issue #16 point 6; docs/decisions/0028-newsroom-csp.md).
// Each page is loaded in Chromium with JavaScript on, as the role given (null: signed out).
//
// A new newsroom page is one line here: its name, its path, the role that opens it, and its status when not 200
// (roles with two-factor sign-in enrol on the way in: helpers/newsroom.ts signInAs).
// `scripts: false`: a page server.mjs sends without any script (the 404 and the 403, server/not-found-page.mjs).
const NEWSROOM_PAGES: NewsroomPage[] = [
  { name: 'the sign-in page', path: '/toa-soan/dang-nhap', role: null },
  { name: 'the dashboard', path: '/toa-soan', role: 'phong-vien' },
  { name: 'the password change page', path: '/toa-soan/doi-mat-khau', role: 'phong-vien' },
  { name: 'the security page', path: '/toa-soan/bao-mat', role: 'lanh-dao' },
  { name: 'the two-factor enrolment page', path: '/toa-soan/bao-mat/hai-lop', role: 'phong-vien' },
  { name: 'the account list', path: '/toa-soan/nguoi-dung', role: 'quan-tri' },
  { name: 'the new account page', path: '/toa-soan/nguoi-dung/moi', role: 'quan-tri' },
  { name: 'the audit log', path: '/toa-soan/nhat-ky', role: 'quan-tri' },
  { name: 'the preview of an article', path: '/toa-soan/bai-viet/60431/xem-truoc', role: 'lanh-dao' },
  { name: 'the new article editor (Tiptap)', path: '/toa-soan/bai-viet/moi', role: 'lanh-dao' },
  { name: 'the editor of a published article', path: '/toa-soan/bai-viet/60431', role: 'lanh-dao' },
  { name: 'a page the role may not open (403)', path: '/toa-soan/nguoi-dung', role: 'phong-vien', status: 403, scripts: false },
  { name: 'a newsroom 404, signed in', path: '/toa-soan/khong-co', role: 'phong-vien', status: 404, scripts: false },
  { name: 'a newsroom 404, signed out', path: '/toa-soan/khong-co/nua', role: null, status: 404, scripts: false },
];

type Role = 'phong-vien' | 'bien-tap-vien' | 'lanh-dao' | 'quan-tri';
type NewsroomPage = { name: string; path: string; role: Role | null; status?: number; scripts?: false };

const PASSWORD = 'Đồng lúa mùa gặt 2026 xanh';

/** A browser context signed in as a new account of `role` (or signed out), and a page in it. */
async function openAs(browser: Browser, role: Role | null): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (role) {
    const username = uniqueUsername('csp');
    createStaff({ username, name: 'Nguyễn Văn Chính Sách', role, password: PASSWORD });
    await signInAs(page, username, PASSWORD);
  }
  return { page, close: () => context.close() };
}

/** The nonce of the policy's script-src, after checking that the policy allows no other inline script. */
function scriptNonce(policy: string | undefined): string {
  expect(policy, 'a Content-Security-Policy header').toBeTruthy();
  const directives = policy!.split(';').map((directive) => directive.trim());
  const scripts = directives.find((directive) => directive.split(' ')[0] === 'script-src');
  expect(scripts, 'a script-src directive').toBeTruthy();
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(directives).toContain("frame-ancestors 'none'");
  expect(directives).toContain("script-src-attr 'none'");
  expect(directives).toContain("object-src 'none'");
  const nonce = /'nonce-([A-Za-z0-9+/_=-]+)'/.exec(scripts!)?.[1];
  expect(nonce, `a nonce in ${scripts}`).toBeTruthy();
  return nonce!;
}

/** The opening tags of the inline scripts in `html` (scripts without src). */
const inlineScriptTags = (html: string) => [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]).filter((tag) => !/\ssrc=/i.test(tag));

for (const { name, path, role, status = 200, scripts = true } of NEWSROOM_PAGES) {
  test(`${name} (${path}, ${role ?? 'signed out'}) runs only scripts carrying its response's nonce, and breaks no policy`, async ({ browser }) => {
    const { page, close } = await openAs(browser, role);
    try {
      const violations = await watchCspViolations(page);
      const nonces: string[] = [];
      for (const visit of [1, 2]) {
        const response = await page.goto(path, { waitUntil: 'networkidle' });
        expect(response!.status(), `visit ${visit}`).toBe(status);
        expect(new URL(page.url()).pathname, 'not sent elsewhere').toBe(path);
        expect(response!.headers()['referrer-policy']).toBe('same-origin');
        const nonce = scriptNonce(response!.headers()['content-security-policy']);
        nonces.push(nonce);

        const html = await response!.text();
        if (scripts) {
          // In the HTML as sent: every inline script has the nonce, and there are some (Next's own).
          const tags = inlineScriptTags(html);
          expect(tags.length).toBeGreaterThan(0);
          for (const tag of tags) expect(tag, 'an inline script without the nonce').toContain(` nonce="${nonce}"`);
          // In the document as it is now, after hydration: scripts added since carry it too. (A browser hides a
          // nonce attribute once parsed; the property keeps it.)
          const inDocument = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).map((s) => ({ nonce: s.nonce, text: s.text.slice(0, 80) })));
          for (const script of inDocument) expect(script.nonce, `inline script ${script.text}`).toBe(nonce);
          // Next's scripts ran: the reader controls in the header hydrated and set data-js (components/reader).
          await expect(page.locator('html')).toHaveAttribute('data-js', '');
        } else {
          expect(html).not.toMatch(/<script\b/i);
          expect(await page.locator('script').count()).toBe(0);
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(status === 403 ? 'Không có quyền' : 'Không tìm thấy trang');
        }
        expect(await violations(), `policy violations on visit ${visit}`).toEqual([]);
      }
      expect(nonces[1], 'a fresh nonce for each response').not.toBe(nonces[0]);
    } finally {
      await close();
    }
  });
}

test('an event handler slipped into a newsroom page does not run', async ({ browser }) => {
  const { page, close } = await openAs(browser, 'phong-vien');
  try {
    const violations = await watchCspViolations(page);
    await page.goto('/toa-soan');
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.innerHTML = '<img src="/khong-co.png" onerror="window.__pwned = 1">';
      document.body.append(box);
    });
    await expect.poll(violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-attr /)]));
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  } finally {
    await close();
  }
});
