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
