import type { Page } from '@playwright/test';

/**
 * Page specs read the article; counting is views.spec.ts's business. Marking the article as already viewed
 * in this browser makes the view counter read the count instead of adding to it, so the seed keeps its 267.
 */
export async function markViewed(page: Page, articleId: number): Promise<void> {
  await page.addInitScript((id) => window.localStorage.setItem(`luot-xem:${id}`, String(Date.now())), articleId);
}
