import type { Page } from '@playwright/test';

/**
 * Records every Content Security Policy violation the page reports (the `securitypolicyviolation` events of
 * each document it loads, and console messages about refused content). Call before the first `goto`; the
 * returned function reads what was recorded on the current document, plus every console message so far.
 */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) messages.push(message.text());
  });
  await page.addInitScript(() => {
    const list: string[] = [];
    window.cspViolations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
  });
  return async () => [...(await page.evaluate(() => window.cspViolations ?? [])), ...messages];
}
