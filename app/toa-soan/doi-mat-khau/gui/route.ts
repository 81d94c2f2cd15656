import { changeOwnPassword, getStaffSession } from '@/db/newsroom-sessions';
import { getEnv } from '@/env';
import { badForm, crossSiteRefused, readForm, seeOther } from '@/lib/newsroom-responses';
import { CHANGE_PASSWORD_PATH, NEWSROOM_PATH, SIGN_IN_PATH } from '@/lib/newsroom-http';
import { clientAddress } from '@/lib/rate-limit';
import { isAllowedOrigin } from '@/lib/same-origin.mjs';

// The password form's target (POST only). Every other session of the user is signed out.
export async function POST(request: Request) {
  if (!isAllowedOrigin({ method: 'POST', origin: request.headers.get('origin'), siteUrl: getEnv().siteUrl })) return crossSiteRefused();
  const session = await getStaffSession(request.headers);
  if (!session) return seeOther(`${SIGN_IN_PATH}?loi=het-phien`);
  const form = await readForm(request);
  if (!form) return badForm();
  const problem = await changeOwnPassword(
    session,
    { current: form.get('current') ?? '', next: form.get('next') ?? '', confirmation: form.get('confirmation') ?? '' },
    clientAddress(request.headers.get('x-forwarded-for')),
  );
  if (problem) return seeOther(`${CHANGE_PASSWORD_PATH}?loi=${problem}`);
  return seeOther(NEWSROOM_PATH);
}

/** Only forms post here; a reload or a typed URL goes back to the page of the form. */
export function GET() {
  return seeOther(CHANGE_PASSWORD_PATH);
}
