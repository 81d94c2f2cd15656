import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '@/db/engine';
import { staffBackupCodes, staffSessionFactors, staffSessions, staffTwoFactor, staffUsers } from '@/db/schema';
import { appendAudit } from '@/db/queries/audit';
import { getStaffUserByUsername, StaffChangeRejected, type Actor } from '@/db/queries/staff';

// Two-factor sign-in's rows (docs/decisions/0026-two-factor.md): a user's sealed TOTP secret and last accepted
// time step, their backup codes (hashes), and which sessions have given the second factor. Each write runs in the
// caller's transaction with its audit row. The codes themselves are checked in lib/totp.ts; the flow around them
// (lockout, sealing) is db/newsroom-two-factor.ts.

/** What the access gate needs: whether the user has two-factor sign-in on, and whether this session gave it. */
export type SecondFactorState = { enabled: boolean; verified: boolean };

export async function getSecondFactorState(db: Db, { userId, sessionId }: { userId: string; sessionId: string }): Promise<SecondFactorState> {
  const [row] = await db
    .select({ enabledAt: staffTwoFactor.enabledAt, verifiedAt: staffSessionFactors.verifiedAt })
    .from(staffUsers)
    .leftJoin(staffTwoFactor, eq(staffTwoFactor.userId, staffUsers.id))
    .leftJoin(staffSessionFactors, eq(staffSessionFactors.sessionId, sessionId))
    .where(eq(staffUsers.id, userId))
    .limit(1);
  return { enabled: Boolean(row?.enabledAt), verified: Boolean(row?.verifiedAt) };
}

export type TwoFactorSecret = { secretSealed: string; lastTimeStep: number | null; enabledAt: Date | null };

/** The user's secret, enabled or still being enrolled, or null. */
export async function getTwoFactorSecret(db: Db, userId: string): Promise<TwoFactorSecret | null> {
  const [row] = await db
    .select({ secretSealed: staffTwoFactor.secretSealed, lastTimeStep: staffTwoFactor.lastTimeStep, enabledAt: staffTwoFactor.enabledAt })
    .from(staffTwoFactor)
    .where(eq(staffTwoFactor.userId, userId))
    .limit(1);
  return row ?? null;
}

export async function countUnusedBackupCodes(db: Db, userId: string): Promise<number> {
  return db.$count(staffBackupCodes, and(eq(staffBackupCodes.userId, userId), isNull(staffBackupCodes.usedAt)));
}

/**
 * Starts (or starts again) an enrolment: a new secret, not yet enabled. Refused when two-factor sign-in is already
 * on (it must be turned off or reset first). Writes no audit row: nothing is turned on until the code confirms it.
 */
export async function startTwoFactorEnrolment(tx: Db, { userId, secretSealed, now }: { userId: string; secretSealed: string; now: Date }): Promise<boolean> {
  const existing = await getTwoFactorSecret(tx, userId);
  if (existing?.enabledAt) return false;
  if (existing) await tx.update(staffTwoFactor).set({ secretSealed, lastTimeStep: null, createdAt: now }).where(eq(staffTwoFactor.userId, userId));
  else await tx.insert(staffTwoFactor).values({ userId, secretSealed, createdAt: now });
  return true;
}

async function insertBackupCodes(tx: Db, userId: string, hashes: string[], now: Date): Promise<void> {
  await tx.delete(staffBackupCodes).where(eq(staffBackupCodes.userId, userId));
  await tx.insert(staffBackupCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
}

async function markSessionVerified(tx: Db, sessionId: string, now: Date): Promise<void> {
  const [known] = await tx.select({ sessionId: staffSessionFactors.sessionId }).from(staffSessionFactors).where(eq(staffSessionFactors.sessionId, sessionId));
  if (!known) await tx.insert(staffSessionFactors).values({ sessionId, verifiedAt: now });
}

export type Enabling = {
  userId: string;
  username: string;
  sessionId: string;
  timeStep: number;
  backupCodeHashes: string[];
  now: Date;
  /** The pending secret as stored when its code was checked: enabled only if it is still that one. */
  pendingSealed: string;
  /** The same secret sealed for use by every session of the account. */
  secretSealed: string;
};

/**
 * Turns two-factor sign-in on after the first right code: the secret enabled (only if it is still the pending
 * one: of two confirmations at once, one wins), its step remembered, the backup codes stored, this session
 * verified. False when there was nothing pending to enable.
 */
export async function enableTwoFactor(tx: Db, enabling: Enabling, by: Actor): Promise<boolean> {
  const updated = await tx
    .update(staffTwoFactor)
    .set({ enabledAt: enabling.now, lastTimeStep: enabling.timeStep, secretSealed: enabling.secretSealed })
    .where(
      and(eq(staffTwoFactor.userId, enabling.userId), isNull(staffTwoFactor.enabledAt), eq(staffTwoFactor.secretSealed, enabling.pendingSealed)),
    )
    .returning({ userId: staffTwoFactor.userId });
  if (!updated.length) return false;
  await insertBackupCodes(tx, enabling.userId, enabling.backupCodeHashes, enabling.now);
  await markSessionVerified(tx, enabling.sessionId, enabling.now);
  await appendAudit(tx, { action: 'two-factor-enabled', ...by, subject: enabling.username, at: enabling.now });
  return true;
}

/**
 * Remembers `timeStep` as the last accepted one, if it is later than the one stored: one statement, so of two
 * requests bringing codes of the same step only one gets true. False also when two-factor sign-in is not on.
 */
export async function acceptTimeStep(tx: Db, { userId, timeStep }: { userId: string; timeStep: number }): Promise<boolean> {
  const updated = await tx
    .update(staffTwoFactor)
    .set({ lastTimeStep: timeStep })
    .where(
      and(
        eq(staffTwoFactor.userId, userId),
        isNotNull(staffTwoFactor.enabledAt),
        or(isNull(staffTwoFactor.lastTimeStep), lt(staffTwoFactor.lastTimeStep, timeStep)),
      ),
    )
    .returning({ userId: staffTwoFactor.userId });
  return updated.length === 1;
}

/** Uses up one backup code: true only for the one request that marks it used. */
export async function spendBackupCode(tx: Db, { userId, codeHash, now }: { userId: string; codeHash: string; now: Date }): Promise<boolean> {
  const updated = await tx
    .update(staffBackupCodes)
    .set({ usedAt: now })
    .where(and(eq(staffBackupCodes.userId, userId), eq(staffBackupCodes.codeHash, codeHash), isNull(staffBackupCodes.usedAt)))
    .returning({ userId: staffBackupCodes.userId });
  return updated.length === 1;
}

/** A right code given at sign-in: this session may go on. */
/** Audits a backup code used up (at sign-in or on the settings page), with how many are left. */
export async function recordBackupCodeUsed(tx: Db, used: { userId: string; username: string; address: string; now: Date }): Promise<void> {
  const left = await countUnusedBackupCodes(tx, used.userId);
  await appendAudit(tx, { action: 'backup-code-used', actor: used.username, subject: used.username, address: used.address, at: used.now, detail: { left } });
}

export async function recordSecondFactor(
  tx: Db,
  passed: { userId: string; username: string; sessionId: string; address: string; now: Date; method: 'totp' | 'backup-code' },
): Promise<void> {
  await markSessionVerified(tx, passed.sessionId, passed.now);
  const audit = { actor: passed.username, subject: passed.username, address: passed.address, at: passed.now };
  await appendAudit(tx, { action: 'two-factor-verified', ...audit, detail: { method: passed.method } });
}

export async function replaceBackupCodes(tx: Db, change: { userId: string; username: string; hashes: string[]; now: Date }, by: Actor): Promise<void> {
  await insertBackupCodes(tx, change.userId, change.hashes, change.now);
  await appendAudit(tx, { action: 'backup-codes-regenerated', ...by, subject: change.username, at: change.now });
}

async function removeTwoFactor(tx: Db, userId: string): Promise<void> {
  await tx.delete(staffBackupCodes).where(eq(staffBackupCodes.userId, userId));
  await tx.delete(staffTwoFactor).where(eq(staffTwoFactor.userId, userId));
}

/** A user turns their own two-factor sign-in off (only roles that may: lib/newsroom-permissions.ts). */
export async function disableTwoFactor(tx: Db, change: { userId: string; username: string; now: Date }, by: Actor): Promise<void> {
  await removeTwoFactor(tx, change.userId);
  await appendAudit(tx, { action: 'two-factor-disabled', ...by, subject: change.username, at: change.now });
}

/**
 * For an administrator (the quan-tri account page, `npm run staff:reset-two-factor`): removes the user's secret and
 * backup codes and signs out all of their sessions; a role that requires two-factor sign-in enrols again at the
 * next sign-in.
 */
export async function resetStaffTwoFactor(tx: Db, username: string, by: Actor): Promise<void> {
  const user = await getStaffUserByUsername(tx, username);
  if (!user) throw new StaffChangeRejected(`không có tài khoản "${username}"`, 'khong-co');
  if (!(await getTwoFactorSecret(tx, user.id))) throw new StaffChangeRejected(`"${username}" chưa có xác thực hai lớp`, 'chua-co-hai-lop');
  await removeTwoFactor(tx, user.id);
  await tx.delete(staffSessions).where(eq(staffSessions.userId, user.id));
  await appendAudit(tx, { action: 'two-factor-reset', ...by, subject: user.username });
}

/** Failures of the code (sign-in or the settings page), counted with the password's by the caller. */
export async function recordSecondFactorFailure(
  tx: Db,
  failure: { username: string; address: string; now: Date; reason: 'code' | 'locked'; locksIt: boolean; lockMinutes: number },
): Promise<void> {
  const audit = { actor: failure.username, subject: failure.username, address: failure.address, at: failure.now };
  await appendAudit(tx, { action: 'two-factor-failed', ...audit, detail: { reason: failure.reason } });
  if (failure.locksIt) await appendAudit(tx, { action: 'lockout', ...audit, detail: { minutes: failure.lockMinutes } });
}

