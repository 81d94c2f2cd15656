import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { forUpdate, type Db } from '@/db/engine';
import { categories, staffAccounts, staffSessions, staffUserCategories, staffUsers } from '@/db/schema';
import { appendAudit } from '@/db/queries/audit';
import type { AccountError, StaffListEntry } from '@/lib/newsroom-accounts';
import { RESERVED_USERNAMES } from '@/lib/staff-password';
import { ROLES_WITH_CATEGORIES, type StaffRole } from '@/lib/staff-roles';

// Newsroom accounts: reads, and the writes of the staff:* commands, of a user changing their own password and of a
// quan-tri on /toa-soan/nguoi-dung (docs/decisions/0027-account-management.md). Each write runs in the caller's
// transaction and writes its audit row there too; a refusal throws before anything is written. Sign-in state:
// staff-sign-in.ts.
// Sessions themselves are better-auth's (db/auth.ts); revoking them is deleting their rows.

export type StaffUser = {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  categoryIds: number[];
  mustChangePassword: boolean;
  disabled: boolean;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
};

/**
 * A change the rules refuse (a taken username, an unknown category, an unknown account, the last quan-tri):
 * nothing is written. `message` is for the command line; `code` names the account pages' fixed message.
 */
export class StaffChangeRejected extends Error {
  constructor(
    message: string,
    readonly code: AccountError = 'tu-choi',
  ) {
    super(message);
  }
}

/** Names that stay out of the username space: the audit log's actor for the command line, the new-account page. */

/** Who changes what, for the audit row: `actor` is a username or `cli`; `address` null on the command line. */
export type Actor = { actor: string; address: string | null };

const columns = {
  id: staffUsers.id,
  username: staffUsers.username,
  name: staffUsers.name,
  role: staffUsers.role,
  mustChangePassword: staffUsers.mustChangePassword,
  disabled: staffUsers.disabled,
  lockedUntil: staffUsers.lockedUntil,
  lastSignInAt: staffUsers.lastSignInAt,
};

async function withCategories(db: Db, row: Omit<StaffUser, 'categoryIds'> | undefined): Promise<StaffUser | null> {
  if (!row) return null;
  const links = await db
    .select({ categoryId: staffUserCategories.categoryId })
    .from(staffUserCategories)
    .where(eq(staffUserCategories.userId, row.id))
    .orderBy(asc(staffUserCategories.categoryId));
  return { ...row, categoryIds: links.map((l) => l.categoryId) };
}

export async function getStaffUserById(db: Db, id: string): Promise<StaffUser | null> {
  const [row] = await db.select(columns).from(staffUsers).where(eq(staffUsers.id, id)).limit(1);
  return withCategories(db, row);
}

export async function getStaffUserByUsername(db: Db, username: string): Promise<StaffUser | null> {
  const [row] = await db.select(columns).from(staffUsers).where(eq(staffUsers.username, username)).limit(1);
  return withCategories(db, row);
}

const byName = new Intl.Collator('vi', { sensitivity: 'base' });

/** Every account, by name as Vietnamese sorts it (then username), with its categories' names. Two queries. */
export async function listStaffUsers(db: Db, now = new Date()): Promise<StaffListEntry[]> {
  const [users, links] = await Promise.all([
    db.select(columns).from(staffUsers),
    db
      .select({ userId: staffUserCategories.userId, id: categories.id, name: categories.name })
      .from(staffUserCategories)
      .innerJoin(categories, eq(categories.id, staffUserCategories.categoryId))
      .orderBy(asc(categories.position), asc(categories.id)),
  ]);
  return users
    .map((user) => ({
      username: user.username,
      name: user.name,
      role: user.role,
      categories: links.filter((link) => link.userId === user.id).map(({ id, name }) => ({ id, name })),
      lastSignInAt: user.lastSignInAt,
      lockedUntil: user.lockedUntil && user.lockedUntil.getTime() > now.getTime() ? user.lockedUntil : null,
      disabled: user.disabled,
      mustChangePassword: user.mustChangePassword,
    }))
    .sort((a, b) => byName.compare(a.name, b.name) || (a.username < b.username ? -1 : 1));
}

/** The stored password hash of an account (for a user confirming their current password). */
export async function getPasswordHash(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ password: staffAccounts.password })
    .from(staffAccounts)
    .where(and(eq(staffAccounts.userId, userId), eq(staffAccounts.providerId, 'credential')))
    .limit(1);
  return row?.password ?? null;
}

/** How many sessions (signed-in browsers) an account has. */
export async function countSessions(db: Db, userId: string): Promise<number> {
  return db.$count(staffSessions, eq(staffSessions.userId, userId));
}

export type NewStaffUser = {
  username: string;
  name: string;
  role: StaffRole;
  categoryIds: number[];
  passwordHash: string;
  mustChangePassword: boolean;
};

/** The categories of a role, once each, after checking that the role has categories and that they exist. */
async function checkCategories(tx: Db, role: StaffRole, requested: number[]): Promise<number[]> {
  const categoryIds = [...new Set(requested)].sort((a, b) => a - b);
  if (categoryIds.length && !ROLES_WITH_CATEGORIES.includes(role)) {
    throw new StaffChangeRejected(`vai trò ${role} không có chuyên mục (chỉ phong-vien, bien-tap-vien)`, 'chuyen-muc-vai-tro');
  }
  if (categoryIds.length) {
    const known = await tx.select({ id: categories.id }).from(categories).where(inArray(categories.id, categoryIds));
    const missing = categoryIds.filter((id) => !known.some((k) => k.id === id));
    if (missing.length) throw new StaffChangeRejected(`không có chuyên mục ${missing.join(', ')}`, 'chuyen-muc');
  }
  return categoryIds;
}

/** Creates an account with its password (better-auth's 'credential' account) and categories. */
export async function createStaffUser(tx: Db, user: NewStaffUser, by: Actor): Promise<{ id: string }> {
  if (RESERVED_USERNAMES.includes(user.username)) throw new StaffChangeRejected(`tên đăng nhập "${user.username}" được dành riêng`, 'ten-danh-rieng');
  if (await getStaffUserByUsername(tx, user.username)) throw new StaffChangeRejected(`tên đăng nhập "${user.username}" đã có`, 'trung-ten');
  const categoryIds = await checkCategories(tx, user.role, user.categoryIds);
  const id = randomUUID();
  const now = new Date();
  await tx.insert(staffUsers).values({
    id,
    username: user.username,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(staffAccounts).values({
    id: randomUUID(),
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: user.passwordHash,
    createdAt: now,
    updatedAt: now,
  });
  if (categoryIds.length) await tx.insert(staffUserCategories).values(categoryIds.map((categoryId) => ({ userId: id, categoryId })));
  await appendAudit(tx, {
    action: 'account-created',
    ...by,
    subject: user.username,
    detail: { role: user.role, categoryIds, mustChangePassword: user.mustChangePassword },
    at: now,
  });
  return { id };
}

async function requireUser(tx: Db, username: string): Promise<StaffUser> {
  const user = await getStaffUserByUsername(tx, username);
  if (!user) throw new StaffChangeRejected(`không có tài khoản "${username}"`, 'khong-co');
  return user;
}

/**
 * Sets an account's password and signs out every session of it except `keepSessionId` (the browser of a user
 * changing their own password). `mustChangePassword`: a password someone else chose must be changed at the next
 * sign-in. Audited as `password-changed` (by the user) or `password-set` (by the command line or an admin).
 */
export async function setStaffPassword(
  tx: Db,
  change: { username: string; passwordHash: string; mustChangePassword: boolean; keepSessionId?: string },
  by: Actor,
): Promise<void> {
  const user = await requireUser(tx, change.username);
  const now = new Date();
  await tx
    .update(staffAccounts)
    .set({ password: change.passwordHash, updatedAt: now })
    .where(and(eq(staffAccounts.userId, user.id), eq(staffAccounts.providerId, 'credential')));
  await tx.update(staffUsers).set({ mustChangePassword: change.mustChangePassword, updatedAt: now }).where(eq(staffUsers.id, user.id));
  await tx
    .delete(staffSessions)
    .where(and(eq(staffSessions.userId, user.id), change.keepSessionId ? ne(staffSessions.id, change.keepSessionId) : undefined));
  const own = by.actor === user.username;
  await appendAudit(tx, { action: own ? 'password-changed' : 'password-set', ...by, subject: user.username, at: now });
}

/**
 * The account rules a careful IT lead expects, checked inside the change's transaction: nobody disables or demotes
 * themself, and the last enabled quan-tri stays one. The enabled quan-tri rows are read locked (PostgreSQL: FOR
 * UPDATE), so two quan-tri disabling each other at the same moment take turns and the second finds itself last.
 */
async function keepAnAdmin(tx: Db, user: StaffUser, by: Actor, change: 'disable' | 'demote'): Promise<void> {
  if (by.actor === user.username) {
    throw change === 'disable'
      ? new StaffChangeRejected('không thể tự vô hiệu hóa tài khoản của mình', 'tu-vo-hieu')
      : new StaffChangeRejected('không thể tự bỏ vai trò quan-tri của mình', 'tu-ha-quyen');
  }
  if (user.role !== 'quan-tri' || user.disabled) return;
  const admins = await forUpdate(
    tx,
    tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.role, 'quan-tri'), eq(staffUsers.disabled, false))),
  );
  if (!admins.some((admin) => admin.id !== user.id)) {
    throw new StaffChangeRejected(`"${user.username}" là quan-tri cuối cùng còn hoạt động`, 'quan-tri-cuoi');
  }
}

/** Disables an account and signs out all of its sessions (not one's own, not the last enabled quan-tri). */
export async function disableStaffUser(tx: Db, username: string, by: Actor): Promise<void> {
  const user = await requireUser(tx, username);
  if (user.disabled) throw new StaffChangeRejected(`"${username}" đã bị vô hiệu hóa`, 'da-vo-hieu');
  await keepAnAdmin(tx, user, by, 'disable');
  const now = new Date();
  await tx.update(staffUsers).set({ disabled: true, updatedAt: now }).where(eq(staffUsers.id, user.id));
  const ended = await tx.delete(staffSessions).where(eq(staffSessions.userId, user.id)).returning({ id: staffSessions.id });
  await appendAudit(tx, { action: 'account-disabled', ...by, subject: user.username, detail: { sessionsEnded: ended.length }, at: now });
}

/** Lets a disabled account sign in again (its password and role are as they were). */
export async function enableStaffUser(tx: Db, username: string, by: Actor): Promise<void> {
  const user = await requireUser(tx, username);
  if (!user.disabled) throw new StaffChangeRejected(`"${username}" đang hoạt động`, 'dang-hoat-dong');
  const now = new Date();
  await tx.update(staffUsers).set({ disabled: false, updatedAt: now }).where(eq(staffUsers.id, user.id));
  await appendAudit(tx, { action: 'account-enabled', ...by, subject: user.username, at: now });
}

/**
 * Changes an account's role and categories, checked like createStaffUser's. A new role signs out every session of
 * the account (what it may do changed under it); new categories alone do not: every request reads the account's
 * categories afresh (db/newsroom-access.ts). Returns false, writing nothing, when nothing changes.
 */
export async function changeStaffRole(tx: Db, change: { username: string; role: StaffRole; categoryIds: number[] }, by: Actor): Promise<boolean> {
  const user = await requireUser(tx, change.username);
  const categoryIds = await checkCategories(tx, change.role, change.categoryIds);
  const sameCategories = categoryIds.length === user.categoryIds.length && categoryIds.every((id, i) => id === user.categoryIds[i]);
  if (change.role === user.role && sameCategories) return false;
  if (user.role === 'quan-tri' && change.role !== 'quan-tri') await keepAnAdmin(tx, user, by, 'demote');
  const now = new Date();
  await tx.update(staffUsers).set({ role: change.role, updatedAt: now }).where(eq(staffUsers.id, user.id));
  await tx.delete(staffUserCategories).where(eq(staffUserCategories.userId, user.id));
  if (categoryIds.length) await tx.insert(staffUserCategories).values(categoryIds.map((categoryId) => ({ userId: user.id, categoryId })));
  const ended =
    change.role === user.role ? [] : await tx.delete(staffSessions).where(eq(staffSessions.userId, user.id)).returning({ id: staffSessions.id });
  await appendAudit(tx, {
    action: 'role-changed',
    ...by,
    subject: user.username,
    detail: { from: { role: user.role, categoryIds: user.categoryIds }, to: { role: change.role, categoryIds }, sessionsEnded: ended.length },
    at: now,
  });
  return true;
}

/**
 * A quan-tri gives someone a new one-time password (hashed by the caller): it must be changed at the next sign-in,
 * and every session of the account is signed out. One's own password is changed on the password page instead.
 */
export async function resetStaffPassword(tx: Db, reset: { username: string; passwordHash: string }, by: Actor): Promise<void> {
  if (by.actor === reset.username) throw new StaffChangeRejected('mật khẩu của chính mình được đổi ở trang đổi mật khẩu', 'tu-dat-lai');
  await setStaffPassword(tx, { ...reset, mustChangePassword: true }, by);
}

/** Lifts a lockout (five failed sign-ins) and forgets the failures counted so far. */
export async function unlockStaffUser(tx: Db, username: string, by: Actor): Promise<void> {
  const user = await requireUser(tx, username);
  const now = new Date();
  await tx
    .update(staffUsers)
    .set({ lockedUntil: null, failedAttempts: 0, failedSince: null, updatedAt: now })
    .where(eq(staffUsers.id, user.id));
  await appendAudit(tx, { action: 'account-unlocked', ...by, subject: user.username, at: now });
}
