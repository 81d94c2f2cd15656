import { siteConfig } from '@/config/site';
import { getDb, withTransaction, type Db } from '@/db/client';
import { newsroomSecret } from '@/db/auth';
import type { StaffSession } from '@/db/newsroom-sessions';
import type { Actor } from '@/db/queries/staff';
import { claimSignInAttempt, endAllSessions, forgetSignInFailures } from '@/db/queries/staff-sign-in';
import {
  acceptTimeStep,
  countUnusedBackupCodes,
  disableTwoFactor,
  enableTwoFactor,
  getTwoFactorSecret,
  recordBackupCodeUsed,
  recordSecondFactor,
  recordSecondFactorFailure,
  replaceBackupCodes,
  startTwoFactorEnrolment,
  spendBackupCode,
} from '@/db/queries/two-factor';
import { LOCKOUT, minutesLocked } from '@/lib/lockout';
import { keyedDigest, openSecret, sealSecret } from '@/lib/secret-box';
import { checkTotp, generateBackupCodes, groupSecret, hashBackupCode, isTotpCode, newTotpSecret, totpUri } from '@/lib/totp';

// Two-factor sign-in for the newsroom's route handlers and pages (docs/decisions/0026-two-factor.md): enrolment,
// the code at sign-in, and the settings a user changes with a current code. Wrong codes count toward the same
// per-username lockout as wrong passwords (claimSignInAttempt); every change is one transaction with its audit row.

const SEALING_PURPOSE = 'totp-secret';
// A secret not yet confirmed is sealed for the one session that started the enrolment: no other session of the
// account (someone else who has the password) can read it, or confirm it, or leave it for the owner to scan.
const pendingPurpose = (sessionId: string) => `totp-pending ${sessionId}`;

function sealingKey(): string {
  const secret = newsroomSecret();
  if (!secret) throw new Error('NEWSROOM_SECRET is not set: two-factor secrets cannot be sealed or opened');
  return secret;
}

const audited = (session: StaffSession, address: string): Actor => ({ actor: session.user.username, address });

/** A backup code's stored form: keyed by the site's secret, so a copy of the database cannot be searched for it. */
const backupCodeHash = (code: string) => hashBackupCode(code, (plain) => keyedDigest(plain, sealingKey(), 'backup-code'));

/** The pending secret, if this session started the enrolment; null otherwise (or when nothing is pending). */
function openPending(sealed: string, session: StaffSession): string | null {
  try {
    return openSecret(sealed, sealingKey(), pendingPurpose(session.sessionId));
  } catch {
    return null;
  }
}

/**
 * Starts enrolment with a new secret, sealed for this session (a pending one, of this or another session, is
 * replaced). False when two-factor sign-in is already on.
 */
export async function startEnrolment(session: StaffSession): Promise<boolean> {
  const secretSealed = sealSecret(newTotpSecret(), sealingKey(), pendingPurpose(session.sessionId));
  return withTransaction((tx) => startTwoFactorEnrolment(tx, { userId: session.user.id, secretSealed, now: new Date() }));
}

export type Enrolment = { uri: string; secretGrouped: string };

/** The pending enrolment's secret, for the page that shows it; null when none is pending (or it is already on). */
/** How authenticator apps list the account: "Tòa soạn <site>: username". */
export const TOTP_ISSUER = `Tòa soạn ${siteConfig.name}`;

export async function getPendingEnrolment(session: StaffSession): Promise<Enrolment | null> {
  const stored = await getTwoFactorSecret(getDb(), session.user.id);
  if (!stored || stored.enabledAt) return null;
  const secret = openPending(stored.secretSealed, session);
  if (!secret) return null;
  return { uri: totpUri({ issuer: TOTP_ISSUER, label: session.user.username, secret }), secretGrouped: groupSecret(secret) };
}

/**
 * The first code from the app turns two-factor sign-in on: this session counts as verified, and the ten backup
 * codes are returned to be shown once (only their hashes are kept). Null for a wrong code or nothing pending.
 */
export async function confirmEnrolment(session: StaffSession, code: string, address: string): Promise<string[] | null> {
  const stored = await getTwoFactorSecret(getDb(), session.user.id);
  if (!stored || stored.enabledAt) return null;
  const now = new Date();
  const secret = openPending(stored.secretSealed, session);
  if (!secret) return null;
  const timeStep = checkTotp({ secret, code, now, afterTimeStep: null });
  if (timeStep === null) return null;
  const codes = generateBackupCodes();
  const enabling = {
    userId: session.user.id,
    username: session.user.username,
    sessionId: session.sessionId,
    timeStep,
    now,
    // Enabled only if the pending secret is still the one whose code was checked; stored sealed for every session.
    pendingSealed: stored.secretSealed,
    secretSealed: sealSecret(secret, sealingKey(), SEALING_PURPOSE),
  };
  const enabled = await withTransaction((tx) =>
    enableTwoFactor(tx, { ...enabling, backupCodeHashes: codes.map((c) => backupCodeHash(c)!) }, audited(session, address)),
  );
  return enabled ? codes : null;
}

export type CodeRefusal = { ok: false; reason: 'wrong-code' } | { ok: false; reason: 'locked'; minutes: number };
export type CodeOutcome<T> = { ok: true; value: T } | CodeRefusal;
type Method = 'totp' | 'backup-code';

/**
 * Checks a code of the signed-in user (a TOTP code, or one of their backup codes) and, when it is right, runs
 * `then` in the same transaction that uses the code up. Each check is first claimed as a failed attempt of the
 * username, in one locked step (the password's lockout: five within 15 minutes lock it), and forgotten when right.
 */
async function withOwnCode<T>(
  session: StaffSession,
  input: { code: string; address: string },
  then: (tx: Db, method: Method, now: Date) => Promise<T>,
): Promise<CodeOutcome<T>> {
  const { id: userId, username } = session.user;
  const now = new Date();
  const failure = { username, address: input.address, now, lockMinutes: LOCKOUT.lockMinutes };
  const claim = await withTransaction((tx) => claimSignInAttempt(tx, { username, now }));
  if (claim.lockedUntil) {
    await withTransaction((tx) => recordSecondFactorFailure(tx, { ...failure, reason: 'locked', locksIt: false }));
    return { ok: false, reason: 'locked', minutes: minutesLocked(claim.lockedUntil, now) };
  }
  const accepted = await spendOwnCode({ userId, username, code: input.code, address: input.address, now }, then);
  if (accepted) return { ok: true, value: accepted.value };
  // The failure that locks the account also ends its sessions, as on the password form.
  await withTransaction(async (tx) => {
    await recordSecondFactorFailure(tx, { ...failure, reason: 'code', locksIt: claim.locksIt });
    if (claim.locksIt) await endAllSessions(tx, userId);
  });
  return claim.locksIt ? { ok: false, reason: 'locked', minutes: LOCKOUT.lockMinutes } : { ok: false, reason: 'wrong-code' };
}

async function spendOwnCode<T>(
  attempt: { userId: string; username: string; code: string; address: string; now: Date },
  then: (tx: Db, method: Method, now: Date) => Promise<T>,
): Promise<{ value: T } | null> {
  const { userId, now } = attempt;
  const stored = await getTwoFactorSecret(getDb(), userId);
  if (!stored?.enabledAt) return null;
  const codeHash = isTotpCode(attempt.code) ? null : backupCodeHash(attempt.code);
  const secret = codeHash ? null : openSecret(stored.secretSealed, sealingKey(), SEALING_PURPOSE);
  const timeStep = secret ? checkTotp({ secret, code: attempt.code, now, afterTimeStep: stored.lastTimeStep }) : null;
  if (timeStep === null && !codeHash) return null;
  return withTransaction(async (tx) => {
    // One statement each, so two requests with the same code cannot both get through.
    const used = timeStep !== null ? await acceptTimeStep(tx, { userId, timeStep }) : await spendBackupCode(tx, { userId, codeHash: codeHash!, now });
    if (!used) return null;
    await forgetSignInFailures(tx, userId);
    if (codeHash) await recordBackupCodeUsed(tx, { userId, username: attempt.username, address: attempt.address, now });
    return { value: await then(tx, timeStep !== null ? 'totp' : 'backup-code', now) };
  });
}

/** The code page at sign-in: a right code verifies this session. */
export function verifySignInCode(session: StaffSession, code: string, address: string): Promise<CodeOutcome<void>> {
  const { id: userId, username } = session.user;
  return withOwnCode(session, { code, address }, (tx, method, now) =>
    recordSecondFactor(tx, { userId, username, sessionId: session.sessionId, address, now, method }),
  );
}

/** New backup codes (the old ones stop working), for a user who gives a current code; returned to be shown once. */
export function regenerateBackupCodes(session: StaffSession, code: string, address: string): Promise<CodeOutcome<string[]>> {
  return withOwnCode(session, { code, address }, async (tx, _method, now) => {
    const codes = generateBackupCodes();
    const hashes = codes.map((c) => backupCodeHash(c)!);
    await replaceBackupCodes(tx, { userId: session.user.id, username: session.user.username, hashes, now }, audited(session, address));
    return codes;
  });
}

/** Turns the user's own two-factor sign-in off (the caller checks that their role may). */
export function turnOffTwoFactor(session: StaffSession, code: string, address: string): Promise<CodeOutcome<void>> {
  return withOwnCode(session, { code, address }, (tx, _method, now) =>
    disableTwoFactor(tx, { userId: session.user.id, username: session.user.username, now }, audited(session, address)),
  );
}

export async function countBackupCodesLeft(session: StaffSession): Promise<number> {
  return countUnusedBackupCodes(getDb(), session.user.id);
}
