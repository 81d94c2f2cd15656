import { signInStaff } from '@/db/newsroom-sessions';
import { getEnv } from '@/env';
import { pendingStep } from '@/db/newsroom-access';
import { badForm, crossSiteRefused, readForm, seeOther } from '@/lib/newsroom-responses';
import { NEWSROOM_PATH, SIGN_IN_PATH } from '@/lib/newsroom-http';
import { clientAddress } from '@/lib/rate-limit';
import { isAllowedOrigin } from '@/lib/same-origin.mjs';
import { limitAttempts, STEP_PATHS } from '../../access';

// The sign-in form's target (POST only): checks, in this order, the Origin, the per-address limit, then the
// credentials (db/newsroom-sessions.ts); answers with a 303 to the newsroom (or the step the session must take
// first: the two-factor code...) or back to the form with its message.

export async function POST(request: Request) {
  if (!isAllowedOrigin({ method: 'POST', origin: request.headers.get('origin'), siteUrl: getEnv().siteUrl })) return crossSiteRefused();
  const limited = limitAttempts(request);
  if (limited) return limited;
  const address = clientAddress(request.headers.get('x-forwarded-for'));
  const form = await readForm(request);
  if (!form) return badForm();
  const outcome = await signInStaff({
    username: form.get('username') ?? '',
    password: form.get('password') ?? '',
    address,
    headers: request.headers,
  });
  if (outcome.ok) {
    const step = pendingStep(outcome.session);
    return seeOther(step ? STEP_PATHS[step] : NEWSROOM_PATH, outcome.setCookie);
  }
  const code = { 'not-configured': 'chua-cau-hinh', credentials: 'sai-thong-tin', disabled: 'vo-hieu', locked: 'tam-khoa' }[outcome.reason];
  return seeOther(`${SIGN_IN_PATH}?loi=${code}${outcome.reason === 'locked' ? `&phut=${outcome.minutes}` : ''}`);
}

/** Only forms post here; a reload or a typed URL goes back to the page of the form. */
export function GET() {
  return seeOther(SIGN_IN_PATH);
}
