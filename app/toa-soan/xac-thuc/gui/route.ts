import { pendingStep } from '@/db/newsroom-access';
import { signOutStaff } from '@/db/newsroom-sessions';
import { verifySignInCode } from '@/db/newsroom-two-factor';
import { badForm, readForm, seeOther } from '@/lib/newsroom-responses';
import { NEWSROOM_PATH, SIGN_IN_PATH, TWO_FACTOR_PATH } from '@/lib/newsroom-http';
import { canUseNewsroom } from '@/lib/newsroom-permissions';
import { clientAddress } from '@/lib/rate-limit';
import { authorizeRequest, limitAttempts, STEP_PATHS } from '../../access';

// The code form's target (POST only): Origin and session (authorizeRequest), the per-address limit of sign-in,
// then the code, which counts toward the username's lockout like a password (db/newsroom-two-factor.ts). Locking
// the account ends this pending session too: it goes back to the sign-in page, which says for how long.
export async function POST(request: Request) {
  const session = await authorizeRequest(request, canUseNewsroom, 'two-factor');
  if (session instanceof Response) return session;
  if (!session.twoFactor.enabled || session.twoFactor.verified) return seeOther(NEWSROOM_PATH);
  const limited = limitAttempts(request);
  if (limited) return limited;
  const form = await readForm(request);
  if (!form) return badForm();
  const address = clientAddress(request.headers.get('x-forwarded-for'));
  const outcome = await verifySignInCode(session, form.get('code') ?? '', address);
  if (outcome.ok) {
    const step = pendingStep({ user: session.user, twoFactor: { enabled: true, verified: true } });
    return seeOther(step ? STEP_PATHS[step] : NEWSROOM_PATH);
  }
  if (outcome.reason === 'wrong-code') return seeOther(`${TWO_FACTOR_PATH}?loi=sai-ma`);
  const cleared = await signOutStaff({ headers: request.headers, address });
  return seeOther(`${SIGN_IN_PATH}?loi=tam-khoa&phut=${outcome.minutes}`, cleared);
}

/** Only forms post here; a reload or a typed URL goes back to the page of the form. */
export function GET() {
  return seeOther(TWO_FACTOR_PATH);
}
