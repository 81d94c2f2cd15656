import { eq } from 'drizzle-orm';
import { forUpdate, type Db } from '@/db/engine';
import { staffUsers } from '@/db/schema';
import { appendAudit } from '@/db/queries/audit';
import { LOCKOUT, lockoutAfterFailure } from '@/lib/lockout';

// The lock state of sign-in (five failures for one username within 15 minutes lock it for 15: lib/lockout.ts)
// and the audit rows of signing in and out. Each write runs in the caller's transaction.

export type SignInState = { userId: string; lockedUntil: Date | null };

/** The account's id and lock, or null when no account has this username. */
export async function getSignInState(db: Db, username: string): Promise<SignInState | null> {
  const [row] = await db
    .select({ userId: staffUsers.id, lockedUntil: staffUsers.lockedUntil })
    .from(staffUsers)
    .where(eq(staffUsers.username, username))
    .limit(1);
  return row ?? null;
}

/**
 * Claims one sign-in attempt for `username` before its password is checked, counting it as a failure until it
 * succeeds (a success forgets the failures: recordSignIn). The account's row is read and written in one locked
 * step, so attempts sent at the same moment are counted one after the other: at most five reach the password
 * check, however many arrive at once. Returns whether the account was already locked (the attempt is then
 * refused, its password not checked) and whether this attempt is the one that locks it (the fifth within the
 * window: its password is still checked, and only a failure keeps the lock). An unknown username claims nothing.
 */
export async function claimSignInAttempt(tx: Db, attempt: { username: string; now: Date }): Promise<{ lockedUntil: Date | null; locksIt: boolean }> {
  const [row] = await forUpdate(
    tx,
    tx
      .select({ id: staffUsers.id, failedAttempts: staffUsers.failedAttempts, failedSince: staffUsers.failedSince, lockedUntil: staffUsers.lockedUntil })
      .from(staffUsers)
      .where(eq(staffUsers.username, attempt.username))
      .limit(1),
  );
  if (!row) return { lockedUntil: null, locksIt: false };
  if (row.lockedUntil && row.lockedUntil.getTime() > attempt.now.getTime()) return { lockedUntil: row.lockedUntil, locksIt: false };
  const next = lockoutAfterFailure(row, attempt.now);
  await tx.update(staffUsers).set(next).where(eq(staffUsers.id, row.id));
  return { lockedUntil: null, locksIt: next.lockedUntil !== null && next.lockedUntil !== row.lockedUntil };
}

/**
 * Audits a failed sign-in (wrong password, a locked account tried again, a disabled one); the attempt itself was
 * counted by claimSignInAttempt. `locksIt`: this failure is the one that locked the account (audited as well).
 */
export async function recordFailedSignIn(
  tx: Db,
  attempt: { username: string; address: string; now: Date; reason: 'password' | 'locked' | 'disabled'; locksIt?: boolean },
): Promise<void> {
  const audit = { actor: null, subject: attempt.username, address: attempt.address, at: attempt.now };
  const [row] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.username, attempt.username)).limit(1);
  await appendAudit(tx, { action: 'sign-in-failed', ...audit, detail: { reason: row ? attempt.reason : 'unknown-user' } });
  if (row && attempt.locksIt) await appendAudit(tx, { action: 'lockout', ...audit, detail: { minutes: LOCKOUT.lockMinutes } });
}

/**
 * A successful sign-in: failures forgotten, last sign-in time kept, audited. `secondFactorPending`: the password
 * was right but a code is still to come, so the attempt stays counted until the code is right (else each right
 * password would give five more guesses at the code: db/newsroom-two-factor.ts).
 */
export async function recordSignIn(
  tx: Db,
  signIn: { userId: string; username: string; address: string; now: Date; secondFactorPending?: boolean },
): Promise<void> {
  const forget = signIn.secondFactorPending ? {} : { failedAttempts: 0, failedSince: null, lockedUntil: null };
  await tx
    .update(staffUsers)
    .set({ ...forget, lastSignInAt: signIn.now })
    .where(eq(staffUsers.id, signIn.userId));
  await appendAudit(tx, { action: 'sign-in', actor: signIn.username, subject: signIn.username, address: signIn.address, at: signIn.now });
}

/** A right second factor: the failures counted for the username (passwords and codes) are forgotten. */
export async function forgetSignInFailures(tx: Db, userId: string): Promise<void> {
  await tx.update(staffUsers).set({ failedAttempts: 0, failedSince: null, lockedUntil: null }).where(eq(staffUsers.id, userId));
}

export async function recordSignOut(tx: Db, signOut: { username: string; address: string }): Promise<void> {
  await appendAudit(tx, { action: 'sign-out', actor: signOut.username, subject: signOut.username, address: signOut.address });
}
