import { getDb, withTransaction } from '@/db/client';
import { ACCOUNT_DISABLED, getAuth } from '@/db/auth';
import { getPasswordHash, getStaffUserById, getStaffUserByUsername, setStaffPassword, type StaffUser } from '@/db/queries/staff';
import { getSecondFactorState, type SecondFactorState } from '@/db/queries/two-factor';
import { claimSignInAttempt, endAllSessions, forgetFailures, recordFailedSignIn, recordSignIn, recordSignOut } from '@/db/queries/staff-sign-in';
import { LOCKOUT, minutesLocked } from '@/lib/lockout';
import { hashPassword, verifyPassword } from '@/lib/password-hash';
import type { PasswordChangeProblem } from '@/lib/newsroom-http';
import { MAX_PASSWORD_LENGTH, normalizeUsername, passwordLength, passwordProblemCode, usernameProblem } from '@/lib/staff-password';

// Signing in, reading the session, signing out and changing one's own password: the newsroom's route handlers
// and pages call these with the request's headers; better-auth (db/auth.ts) holds the sessions, the lockout and
// the audit rows are ours (db/queries/staff-sign-in.ts). docs/decisions/0024-newsroom-accounts.md.

/** `twoFactor`: whether the user signs in with a second factor, and whether this session has given it. */
export type StaffSession = { sessionId: string; user: StaffUser; twoFactor: SecondFactorState };

/** The signed-in, enabled staff member of a request, or null (no cookie, a forged or expired one, revoked, disabled). */
export async function getStaffSession(requestHeaders: Headers): Promise<StaffSession | null> {
  const auth = getAuth();
  if (!auth) return null;
  const result = await auth.api.getSession({ headers: requestHeaders });
  if (!result) return null;
  const user = await getStaffUserById(getDb(), result.user.id);
  if (!user || user.disabled) return null;
  const twoFactor = await getSecondFactorState(getDb(), { userId: user.id, sessionId: result.session.id });
  return { sessionId: result.session.id, user, twoFactor };
}

export type SignInOutcome =
  | { ok: true; setCookie: string[]; session: Omit<StaffSession, 'sessionId'> }
  | { ok: false; reason: 'not-configured' | 'credentials' | 'disabled' }
  | { ok: false; reason: 'locked'; minutes: number };

/**
 * One sign-in attempt. Unknown usernames and wrong passwords give the same answer in about the same time (an
 * argon2 hash is computed either way), and both lock after five failures; a locked account is refused before its
 * password is checked, and so is a disabled one (its message then says nothing about the password typed).
 */
export async function signInStaff(attempt: { username: string; password: string; address: string; headers: Headers }): Promise<SignInOutcome> {
  const auth = getAuth();
  if (!auth) return { ok: false, reason: 'not-configured' };
  const username = normalizeUsername(attempt.username);
  const now = new Date();
  const failed = (reason: 'password' | 'locked' | 'disabled', locksIt = false) =>
    withTransaction((tx) => recordFailedSignIn(tx, { username: username.slice(0, 100), address: attempt.address, now, reason, locksIt }));
  // better-auth would answer these with errors of other kinds (422, 400): they get the wrong-credentials answer,
  // after a hash like any other attempt.
  if (usernameProblem(username) || !attempt.password || passwordLength(attempt.password) > MAX_PASSWORD_LENGTH) {
    await hashPassword([...attempt.password].slice(0, MAX_PASSWORD_LENGTH).join('') || 'x');
    await failed('password');
    return { ok: false, reason: 'credentials' };
  }
  // Counted before the password is checked, in one locked step (claimSignInAttempt): a burst of attempts cannot
  // all pass the lock before the first of them fails.
  const claim = await withTransaction((tx) => claimSignInAttempt(tx, { username, now }));
  if (claim.lockedUntil) {
    await failed('locked');
    return { ok: false, reason: 'locked', minutes: minutesLocked(claim.lockedUntil, now) };
  }
  if ((await getStaffUserByUsername(getDb(), username))?.disabled) {
    await hashPassword(attempt.password);
    await failed('disabled');
    return { ok: false, reason: 'disabled' };
  }
  // The session this browser had (a sign-in over a live cookie): ended once the new one exists.
  const previous = await auth.api.getSession({ headers: attempt.headers }).catch(() => null);
  try {
    const { headers, response } = await auth.api.signInUsername({
      body: { username, password: attempt.password },
      headers: attempt.headers,
      returnHeaders: true,
    });
    const userId = response.user.id;
    const { enabled } = await getSecondFactorState(getDb(), { userId, sessionId: '' });
    await withTransaction((tx) =>
      recordSignIn(tx, { userId, username, address: attempt.address, now, secondFactorPending: enabled, replacesSessionId: previous?.session.id }),
    );
    const user = await getStaffUserById(getDb(), userId);
    if (!user) throw new Error(`the account ${username} vanished while signing in`);
    return { ok: true, setCookie: headers.getSetCookie(), session: { user, twoFactor: { enabled, verified: false } } };
  } catch (error) {
    // better-auth's APIError: 401 for refused credentials, our session hook's code for a disabled account;
    // anything else is a real failure.
    const refusal = error as { statusCode?: unknown; body?: { code?: string } };
    if (refusal.body?.code === ACCOUNT_DISABLED) {
      await failed('disabled');
      return { ok: false, reason: 'disabled' };
    }
    if (refusal.statusCode !== 401) throw error;
    await failed('password', claim.locksIt);
    if (!claim.locksIt) return { ok: false, reason: 'credentials' };
    return { ok: false, reason: 'locked', minutes: LOCKOUT.lockMinutes };
  }
}

/** Ends the request's session (its row is deleted); returns the Set-Cookie headers that clear the cookie. */
export async function signOutStaff(request: { headers: Headers; address: string }): Promise<string[]> {
  const auth = getAuth();
  if (!auth) return [];
  const session = await getStaffSession(request.headers);
  const { headers } = await auth.api.signOut({ headers: request.headers, returnHeaders: true });
  if (session) await withTransaction((tx) => recordSignOut(tx, { username: session.user.username, address: request.address }));
  return headers.getSetCookie();
}

export type PasswordChange = { current: string; next: string; confirmation: string };

/**
 * A signed-in user changes their own password: the current one must be right, the new one must pass the policy
 * and differ. Every other session of the user is signed out; this one stays. Returns what is wrong, or null.
 * A wrong current password counts toward the same lockout as a failed sign-in (someone at an open session must
 * not be able to guess its owner's password without limit): the attempt that locks the account also ends all of
 * its sessions ('tam-khoa'), and a locked account cannot change its password.
 */
export async function changeOwnPassword(session: StaffSession, change: PasswordChange, address: string): Promise<PasswordChangeProblem | null> {
  const { username, id: userId } = session.user;
  // What can be told without the current password first: so a right current password always ends in a change,
  // and nothing but a change forgets the failures counted (wrong codes count in the same place).
  if (change.next !== change.confirmation) return 'khong-khop';
  if (change.next === change.current) return 'trung-mat-khau-cu';
  const problem = passwordProblemCode(change.next);
  if (problem) return problem;
  const now = new Date();
  const claim = await withTransaction((tx) => claimSignInAttempt(tx, { username, now }));
  if (claim.lockedUntil) return 'tam-khoa';
  const stored = await getPasswordHash(getDb(), userId);
  if (!stored || !(await verifyPassword({ hash: stored, password: change.current }))) {
    await withTransaction(async (tx) => {
      await recordFailedSignIn(tx, { username, address, now, reason: 'password-change', locksIt: claim.locksIt });
      if (claim.locksIt) await endAllSessions(tx, userId);
    });
    return claim.locksIt ? 'tam-khoa' : 'sai-mat-khau';
  }
  const passwordHash = await hashPassword(change.next);
  await withTransaction(async (tx) => {
    await setStaffPassword(tx, { username, passwordHash, mustChangePassword: false, keepSessionId: session.sessionId }, { actor: username, address });
    await forgetFailures(tx, userId);
  });
  return null;
}
