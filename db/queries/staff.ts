import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '@/db/engine';
import { categories, staffAccounts, staffSessions, staffUserCategories, staffUsers } from '@/db/schema';
import { appendAudit } from '@/db/queries/audit';
import { ROLES_WITH_CATEGORIES, type StaffRole } from '@/lib/staff-roles';

// Newsroom accounts: reads, and the writes of the staff:* commands and of a user changing their own password.
// Each write runs in the caller's transaction and writes its audit row there too. Sign-in state: staff-sign-in.ts.
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

/** A change the rules refuse (a taken username, an unknown category, an unknown account): nothing is written. */
export class StaffChangeRejected extends Error {}

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

/** Creates an account with its password (better-auth's 'credential' account) and categories. */
export async function createStaffUser(tx: Db, user: NewStaffUser, by: Actor): Promise<{ id: string }> {
  if (await getStaffUserByUsername(tx, user.username)) throw new StaffChangeRejected(`tên đăng nhập "${user.username}" đã có`);
  const categoryIds = [...new Set(user.categoryIds)];
  if (categoryIds.length && !ROLES_WITH_CATEGORIES.includes(user.role)) {
    throw new StaffChangeRejected(`vai trò ${user.role} không có chuyên mục (chỉ phong-vien, bien-tap-vien)`);
  }
  if (categoryIds.length) {
    const known = await tx.select({ id: categories.id }).from(categories).where(inArray(categories.id, categoryIds));
    const missing = categoryIds.filter((id) => !known.some((k) => k.id === id));
    if (missing.length) throw new StaffChangeRejected(`không có chuyên mục ${missing.join(', ')}`);
  }
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
  if (!user) throw new StaffChangeRejected(`không có tài khoản "${username}"`);
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

/** Disables an account and signs out all of its sessions. */
export async function disableStaffUser(tx: Db, username: string, by: Actor): Promise<void> {
  const user = await requireUser(tx, username);
  const now = new Date();
  await tx.update(staffUsers).set({ disabled: true, updatedAt: now }).where(eq(staffUsers.id, user.id));
  await tx.delete(staffSessions).where(eq(staffSessions.userId, user.id));
  await appendAudit(tx, { action: 'account-disabled', ...by, subject: user.username, at: now });
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
