// Brute force on one account: the fifth failed sign-in within 15 minutes locks it for 15 minutes (issue #16).

export const LOCKOUT = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;

export type LockoutState = { failedAttempts: number; failedSince: Date | null; lockedUntil: Date | null };

const MINUTE = 60_000;

/** The state after one more failure at `now`. A failure outside the window starts a new one. */
export function lockoutAfterFailure(state: LockoutState, now: Date): LockoutState {
  const inWindow = state.failedSince !== null && now.getTime() - state.failedSince.getTime() < LOCKOUT.windowMinutes * MINUTE;
  const failedAttempts = inWindow ? state.failedAttempts + 1 : 1;
  const failedSince = inWindow ? state.failedSince : now;
  if (failedAttempts >= LOCKOUT.maxFailures) {
    return { failedAttempts: 0, failedSince: null, lockedUntil: new Date(now.getTime() + LOCKOUT.lockMinutes * MINUTE) };
  }
  return { failedAttempts, failedSince, lockedUntil: state.lockedUntil };
}

/** Whole minutes (at least 1) until `lockedUntil`, or 0 when the account is not locked at `now`. */
export function minutesLocked(lockedUntil: Date | null, now: Date): number {
  if (!lockedUntil || lockedUntil.getTime() <= now.getTime()) return 0;
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / MINUTE));
}
