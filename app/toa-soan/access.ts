import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { checkStaffAccess, type Access, type PendingStep } from '@/db/newsroom-access';
import type { StaffSession } from '@/db/newsroom-sessions';
import { getEnv } from '@/env';
import type { Permission } from '@/lib/newsroom-permissions';
import { crossSiteRefused, notAllowed, seeOther, tooManyAttempts } from '@/lib/newsroom-responses';
import { CHANGE_PASSWORD_PATH, ENROL_PATH, SIGN_IN_PATH, TWO_FACTOR_PATH } from '@/lib/newsroom-http';
import { addressBlock, clientAddress, createRateLimiter } from '@/lib/rate-limit';
import { isAllowedOrigin } from '@/lib/same-origin.mjs';

// How newsroom pages and route handlers answer what db/newsroom-access.ts decides: a page redirects (or shows
// the 403 page), a form target answers 303/403. Every page and every handler under /toa-soan calls one of these
// two first, with the permission of its action.

/** The page of each pending step. */
export const STEP_PATHS: Record<PendingStep, string> = {
  'two-factor': TWO_FACTOR_PATH,
  'change-password': CHANGE_PASSWORD_PATH,
  'two-factor-enrol': ENROL_PATH,
};

// Attempts at a secret (a password, a two-factor code) from one address (an IPv6 client by its /64):
// NEWSROOM_SIGN_IN_RATE_LIMIT a minute, one count for the sign-in form, the password form and every form that takes
// a code. Counted in each process (docs/known-issues.md).
const attemptLimiter = createRateLimiter({ limit: getEnv().NEWSROOM_SIGN_IN_RATE_LIMIT });
const RETRY_AFTER_S = 60;

/** 429 with Retry-After when this address has made too many attempts this minute, otherwise null. */
export function limitAttempts(request: Request): Response | null {
  const address = addressBlock(clientAddress(request.headers.get('x-forwarded-for')));
  return attemptLimiter.allow(address) ? null : tooManyAttempts(RETRY_AFTER_S);
}

/** For pages: the session, when it may use the page; otherwise redirects or renders the 403 page. */
export async function requireStaffPage(permission: Permission, step?: PendingStep): Promise<StaffSession> {
  const access = await checkStaffAccess(await headers(), permission, step);
  if (access.ok) return access.session;
  if (access.refusal === 'no-session') redirect(SIGN_IN_PATH);
  if (access.refusal === 'pending') redirect(STEP_PATHS[access.step]);
  forbidden();
}

/** The answer to a request that may not go on. */
function refusedAnswer(access: Exclude<Access, { ok: true }>): Response {
  if (access.refusal === 'no-session') return seeOther(`${SIGN_IN_PATH}?loi=het-phien`);
  if (access.refusal === 'pending') return seeOther(STEP_PATHS[access.step]);
  return notAllowed();
}

/**
 * For route handlers that change something: the session, when the request comes from the site itself and may
 * do the action; otherwise the response to send (403 for a foreign Origin or a missing permission).
 */
export async function authorizeRequest(request: Request, permission: Permission, step?: PendingStep): Promise<StaffSession | Response> {
  if (!isAllowedOrigin({ method: request.method, origin: request.headers.get('origin'), siteUrl: getEnv().siteUrl })) return crossSiteRefused();
  const access = await checkStaffAccess(request.headers, permission, step);
  return access.ok ? access.session : refusedAnswer(access);
}
