import { turnOffTwoFactor } from '@/db/newsroom-two-factor';
import { badForm, readForm, seeOther } from '@/lib/newsroom-responses';
import { SECURITY_PATH } from '@/lib/newsroom-http';
import { canTurnOffTwoFactor } from '@/lib/newsroom-permissions';
import { clientAddress } from '@/lib/rate-limit';
import { authorizeRequest, limitAttempts } from '../../access';

// Turning one's own two-factor sign-in off (POST only), for a current code; only roles that may (403 otherwise).
export async function POST(request: Request) {
  const session = await authorizeRequest(request, canTurnOffTwoFactor);
  if (session instanceof Response) return session;
  if (!session.twoFactor.enabled) return seeOther(SECURITY_PATH);
  const limited = limitAttempts(request);
  if (limited) return limited;
  const form = await readForm(request);
  if (!form) return badForm();
  const outcome = await turnOffTwoFactor(session, form.get('code') ?? '', clientAddress(request.headers.get('x-forwarded-for')));
  if (!outcome.ok) return seeOther(`${SECURITY_PATH}?loi=${outcome.reason === 'locked' ? `tam-khoa&phut=${outcome.minutes}` : 'sai-ma'}`);
  return seeOther(SECURITY_PATH);
}

/** Only forms post here; a reload or a typed URL goes back to the page of the form. */
export function GET() {
  return seeOther(SECURITY_PATH);
}
