import type { CodeOutcome } from '@/db/newsroom-two-factor';
import type { StaffSession } from '@/db/newsroom-sessions';
import { badForm, readForm, seeOther } from '@/lib/newsroom-responses';
import { SECURITY_PATH } from '@/lib/newsroom-http';
import type { Permission } from '@/lib/newsroom-permissions';
import { clientAddress } from '@/lib/rate-limit';
import { authorizeRequest, limitAttempts } from '../access';

/**
 * What the security page's forms that take a current code do (new backup codes, turning two-factor off): the gate
 * with `permission`, nothing to do without two-factor on, the per-address limit, then `act` with the code, which
 * counts toward the lockout (db/newsroom-two-factor.ts). A refused code goes back to the page with its message.
 */
export async function withCurrentCode<T>(
  request: Request,
  permission: Permission,
  act: (session: StaffSession, code: string, address: string) => Promise<CodeOutcome<T>>,
  done: (value: T) => Response,
): Promise<Response> {
  const session = await authorizeRequest(request, permission);
  if (session instanceof Response) return session;
  if (!session.twoFactor.enabled) return seeOther(SECURITY_PATH);
  const limited = limitAttempts(request);
  if (limited) return limited;
  const form = await readForm(request);
  if (!form) return badForm();
  const outcome = await act(session, form.get('code') ?? '', clientAddress(request.headers.get('x-forwarded-for')));
  if (!outcome.ok) return seeOther(`${SECURITY_PATH}?loi=${outcome.reason === 'locked' ? `tam-khoa&phut=${outcome.minutes}` : 'sai-ma'}`);
  return done(outcome.value);
}

/** Only forms post to these targets; a reload or a typed URL goes back to the security page. */
export function backToSecurityPage() {
  return seeOther(SECURITY_PATH);
}
