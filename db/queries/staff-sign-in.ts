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
 * Counts a failed sign-in (wrong password, or a locked account tried again) and locks the account at the fifth
 * within the window. Returns until when it is locked, or null. An unknown username is only audited.
 */
export async function recordFailedSignIn(
  tx: Db,
  attempt: { username: string; address: string; now: Date; reason: 'password' | 'locked' | 'disabled' },
): Promise<{ lockedUntil: Date | null }> {
  const audit = { actor: null, subject: attempt.username, address: attempt.address, at: attempt.now };
  const [row] = await forUpdate(
    tx,
    tx
      .select({ id: staffUsers.id, failedAttempts: staffUsers.failedAttempts, failedSince: staffUsers.failedSince, lockedUntil: staffUsers.lockedUntil })
      .from(staffUsers)
      .where(eq(staffUsers.username, attempt.username))
      .limit(1),
  );
  await appendAudit(tx, { action: 'sign-in-failed', ...audit, detail: { reason: row ? attempt.reason : 'unknown-user' } });
  if (!row) return { lockedUntil: null };
  if (attempt.reason !== 'password') return { lockedUntil: row.lockedUntil };
  const next = lockoutAfterFailure(row, attempt.now);
  await tx.update(staffUsers).set(next).where(eq(staffUsers.id, row.id));
  if (next.lockedUntil && next.lockedUntil !== row.lockedUntil) {
    await appendAudit(tx, { action: 'lockout', ...audit, detail: { minutes: LOCKOUT.lockMinutes } });
  }
  return { lockedUntil: next.lockedUntil };
}

/** A successful sign-in: failures forgotten, last sign-in time kept, audited. */
export async function recordSignIn(tx: Db, signIn: { userId: string; username: string; address: string; now: Date }): Promise<void> {
  await tx
    .update(staffUsers)
    .set({ failedAttempts: 0, failedSince: null, lockedUntil: null, lastSignInAt: signIn.now })
    .where(eq(staffUsers.id, signIn.userId));
  await appendAudit(tx, { action: 'sign-in', actor: signIn.username, subject: signIn.username, address: signIn.address, at: signIn.now });
}

export async function recordSignOut(tx: Db, signOut: { username: string; address: string }): Promise<void> {
  await appendAudit(tx, { action: 'sign-out', actor: signOut.username, subject: signOut.username, address: signOut.address });
}
