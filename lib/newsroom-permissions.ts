import type { StaffRole } from '@/lib/staff-roles';

// Who may do what in the newsroom: one function per action, and nothing else decides it (STYLE.md, "The
// newsroom"). Pages, route handlers and tests call these through db/newsroom-access.ts, which first makes sure
// the request has a live, enabled, fully signed-in session; hiding a button is never the check.
// docs/decisions/0025-newsroom-access.md.

/** What a permission sees of the signed-in user. */
export type StaffPrincipal = { role: StaffRole; categoryIds: readonly number[] };

/** The dashboard, one's own password and one's own two-factor settings: every signed-in member of staff. */
export function canUseNewsroom(user: StaffPrincipal): boolean {
  return Boolean(user.role);
}

/** Accounts (list, create, role and categories, password reset, disable/enable, unlock, two-factor reset). */
export function canManageAccounts(user: StaffPrincipal): boolean {
  return user.role === 'quan-tri';
}

/** The audit log at /toa-soan/nhat-ky. Part 3 (issue #18) opens it to `lanh-dao` too. */
export function canReadAuditLog(user: StaffPrincipal): boolean {
  return user.role === 'quan-tri';
}

/** Roles that must sign in with a second factor (TOTP); `phong-vien` may choose to. */
export function requiresTwoFactor(role: StaffRole): boolean {
  return role !== 'phong-vien';
}

export type Permission = (user: StaffPrincipal) => boolean;

/** Turning one's own two-factor sign-in off: only roles that are not required to have it. */
export function canTurnOffTwoFactor(user: StaffPrincipal): boolean {
  return !requiresTwoFactor(user.role);
}

// Articles (issue #17; docs/decisions/0029-article-editor.md). `phong-vien` writes, `bien-tap-vien` edits, `lanh-dao`
// publishes and may edit anything; `quan-tri` manages accounts and writes no article. A `phong-vien` or
// `bien-tap-vien` works in the categories of their account only (none assigned: none). Part 3 (issue #18) adds the
// review states; until then a draft is editable by its maker (in their categories), by a `bien-tap-vien` of its
// category and by `lanh-dao`, and a published article by `lanh-dao` only.

/** What the article permissions see of an article. */
export type ArticleFacts = { categoryId: number; createdBy: string | null; status: 'draft' | 'published' };

const WRITERS: readonly StaffRole[] = ['phong-vien', 'bien-tap-vien', 'lanh-dao'];

/** The article list, the editor, new articles and photo uploads. */
export function canWriteArticles(user: StaffPrincipal): boolean {
  return WRITERS.includes(user.role);
}

/** Writing an article of this category (a new one, or moving one into it). */
export function canWriteInCategory(user: StaffPrincipal, categoryId: number): boolean {
  if (user.role === 'lanh-dao') return true;
  return canWriteArticles(user) && user.categoryIds.includes(categoryId);
}

/** Seeing an article in the list, opening it and its preview: one's own, those of one's categories; all for `lanh-dao`. */
export function canSeeArticle(user: StaffPrincipal & { id: string }, article: ArticleFacts): boolean {
  if (!canWriteArticles(user)) return false;
  return user.role === 'lanh-dao' || article.createdBy === user.id || user.categoryIds.includes(article.categoryId);
}

/** Saving an article as it stands (its category checked too, by canWriteInCategory for the category it is saved in). */
export function canEditArticle(user: StaffPrincipal & { id: string }, article: ArticleFacts): boolean {
  if (user.role === 'lanh-dao') return true;
  if (article.status !== 'draft' || !user.categoryIds.includes(article.categoryId)) return false;
  if (user.role === 'bien-tap-vien') return true;
  return user.role === 'phong-vien' && article.createdBy === user.id;
}

/** `Xuất bản`: publishing an article now, and saving changes to a published one. */
export function canPublishArticles(user: StaffPrincipal): boolean {
  return user.role === 'lanh-dao';
}
