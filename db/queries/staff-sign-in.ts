import { and, desc, eq, gte } from 'drizzle-orm';
import { forUpdate, type Db } from '@/db/engine';
import { auditLog, staffSessions, staffUsers } from '@/db/schema';
import { appendAudit } from '@/db/queries/audit';
import { LOCKOUT, lockoutAfterFailure, type LockoutState } from '@/lib/lockout';

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
 * window: its password is still checked, and only a failure keeps the lock; the lock then lasts
 * LOCKOUT.lockMinutes from `now`). A username no account has locks the same way (unknownNameLock), so that
 * the lock message tells nobody whether an account exists.
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
  if (!row) return unknownNameLock(tx, attempt);
  if (row.lockedUntil && row.lockedUntil.getTime() > attempt.now.getTime()) return { lockedUntil: row.lockedUntil, locksIt: false };
  const next = lockoutAfterFailure(row, attempt.now);
  await tx.update(staffUsers).set(next).where(eq(staffUsers.id, row.id));
  return { lockedUntil: null, locksIt: next.lockedUntil !== null && next.lockedUntil !== row.lockedUntil };
}

const MINUTE = 60_000;
// Far enough back to see the failures that made a lock still running now (a window, then the lock).
const UNKNOWN_NAME_LOOKBACK_MS = 2 * (LOCKOUT.windowMinutes + LOCKOUT.lockMinutes) * MINUTE;

/**
 * The lock of a username no account has: there is no row to count in, so the failures are replayed from the audit
 * log (the same rule, lib/lockout.ts, over the `sign-in-failed` rows of that name; the `(subject, at)` index
 * finds them). Attempts refused as locked are audited as such and not counted, as for an account.
 */
async function unknownNameLock(tx: Db, attempt: { username: string; now: Date }): Promise<{ lockedUntil: Date | null; locksIt: boolean }> {
  const rows = await tx
    .select({ at: auditLog.at, detail: auditLog.detail })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subject, attempt.username),
        eq(auditLog.action, 'sign-in-failed'),
        gte(auditLog.at, new Date(attempt.now.getTime() - UNKNOWN_NAME_LOOKBACK_MS)),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(200);
  let state: LockoutState = { failedAttempts: 0, failedSince: null, lockedUntil: null };
  for (const row of rows.reverse()) {
    if ((row.detail as { reason?: string } | null)?.reason !== 'unknown-user') continue;
    if (state.lockedUntil && state.lockedUntil.getTime() > row.at.getTime()) continue;
    state = lockoutAfterFailure(state, row.at);
  }
  if (state.lockedUntil && state.lockedUntil.getTime() > attempt.now.getTime()) return { lockedUntil: state.lockedUntil, locksIt: false };
  const next = lockoutAfterFailure(state, attempt.now);
  return { lockedUntil: null, locksIt: next.lockedUntil !== null && next.lockedUntil !== state.lockedUntil };
}

/**
 * Audits a failed sign-in (wrong password, a locked account tried again, a disabled one); the attempt itself was
 * counted by claimSignInAttempt. `locksIt`: this failure is the one that locked the account (audited as well).
 */
export async function recordFailedSignIn(
  tx: Db,
  attempt: { username: string; address: string; now: Date; reason: 'password' | 'locked' | 'disabled' | 'password-change'; locksIt?: boolean },
): Promise<void> {
  const own = attempt.reason === 'password-change';
  const audit = { actor: own ? attempt.username : null, subject: attempt.username, address: attempt.address, at: attempt.now };
  const [row] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.username, attempt.username)).limit(1);
  // A locked unknown name keeps `locked`: unknownNameLock counts only the `unknown-user` rows.
  const reason = row || attempt.reason === 'locked' ? attempt.reason : 'unknown-user';
  await appendAudit(tx, { action: 'sign-in-failed', ...audit, detail: { reason } });
  if (attempt.locksIt) await appendAudit(tx, { action: 'lockout', ...audit, detail: { minutes: LOCKOUT.lockMinutes } });
}

/** A right password after claimSignInAttempt counted it (a password change): the failures are forgotten. */
export async function forgetFailures(tx: Db, userId: string): Promise<void> {
  await tx.update(staffUsers).set({ failedAttempts: 0, failedSince: null }).where(eq(staffUsers.id, userId));
}

/** Signs an account out everywhere (it was just locked by guesses made from inside one of its sessions). */
export async function endAllSessions(tx: Db, userId: string): Promise<void> {
  await tx.delete(staffSessions).where(eq(staffSessions.userId, userId));
}

/**
 * A successful sign-in: failures forgotten, last sign-in time kept, audited. `secondFactorPending`: the password
 * was right but a code is still to come, so the attempt stays counted until the code is right (else each right
 * password would give five more guesses at the code: db/newsroom-two-factor.ts). `replacesSessionId`: the
 * session the browser had before (of this account or another), ended so that one browser holds one session.
 */
export async function recordSignIn(
  tx: Db,
  signIn: { userId: string; username: string; address: string; now: Date; secondFactorPending?: boolean; replacesSessionId?: string | null },
): Promise<void> {
  if (signIn.replacesSessionId) await tx.delete(staffSessions).where(eq(staffSessions.id, signIn.replacesSessionId));
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
