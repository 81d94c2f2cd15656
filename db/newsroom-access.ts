import { getStaffSession, type StaffSession } from '@/db/newsroom-sessions';
import { requiresTwoFactor, type Permission } from '@/lib/newsroom-permissions';

// The one gate every newsroom page and route handler passes (docs/decisions/0025-newsroom-access.md):
// 1. a live session of an enabled account (getStaffSession), else the sign-in page;
// 2. the steps a session must finish before anything else: a one-time password to replace (and, with two-factor
//    sign-in, the code to give or the enrolment to do), else the page of that step, unless the request *is* that
//    step;
// 3. the action's permission (lib/newsroom-permissions.ts), else 403.

/**
 * What a session still has to do before it may do anything else, in the order they are asked for: the code of
 * a user who has two-factor sign-in, a one-time password to replace, then the enrolment of a role that requires
 * two-factor sign-in (docs/decisions/0026-two-factor.md).
 */
export type PendingStep = 'two-factor' | 'change-password' | 'two-factor-enrol';

export type Access =
  | { ok: true; session: StaffSession }
  | { ok: false; refusal: 'no-session' }
  | { ok: false; refusal: 'pending'; step: PendingStep }
  | { ok: false; refusal: 'forbidden'; session: StaffSession };

/** The first step this session must still finish, or null. */
export function pendingStep(session: Pick<StaffSession, 'user' | 'twoFactor'>): PendingStep | null {
  if (session.twoFactor.enabled && !session.twoFactor.verified) return 'two-factor';
  if (session.user.mustChangePassword) return 'change-password';
  if (requiresTwoFactor(session.user.role) && !session.twoFactor.enabled) return 'two-factor-enrol';
  return null;
}

/**
 * Checks one request for one action. `step`: the pending step this page or handler carries out (it is let
 * through while that step is pending, and only then is another pending step not in its way).
 */
export async function checkStaffAccess(requestHeaders: Headers, permission: Permission, step?: PendingStep): Promise<Access> {
  const session = await getStaffSession(requestHeaders);
  if (!session) return { ok: false, refusal: 'no-session' };
  const pending = pendingStep(session);
  if (pending && pending !== step) return { ok: false, refusal: 'pending', step: pending };
  if (!permission(session.user)) return { ok: false, refusal: 'forbidden', session };
  return { ok: true, session };
}
