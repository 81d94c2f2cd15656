import { changeOwnPassword } from '@/db/newsroom-sessions';
import { badForm, readForm, seeOther } from '@/lib/newsroom-responses';
import { CHANGE_PASSWORD_PATH, NEWSROOM_PATH, SIGN_IN_PATH } from '@/lib/newsroom-http';
import { canUseNewsroom } from '@/lib/newsroom-permissions';
import { clientAddress } from '@/lib/rate-limit';
import { authorizeRequest, limitAttempts } from '../../access';

// The password form's target (POST only). Every other session of the user is signed out. It checks a password,
// so it shares the sign-in form's per-address limit, and a wrong current password counts toward the lockout.
export async function POST(request: Request) {
  const session = await authorizeRequest(request, canUseNewsroom, 'change-password');
  if (session instanceof Response) return session;
  const limited = limitAttempts(request);
  if (limited) return limited;
  const address = clientAddress(request.headers.get('x-forwarded-for'));
  const form = await readForm(request);
  if (!form) return badForm();
  const problem = await changeOwnPassword(
    session,
    { current: form.get('current') ?? '', next: form.get('next') ?? '', confirmation: form.get('confirmation') ?? '' },
    address,
  );
  // Locked: the attempt that locked it also signed the account out everywhere.
  if (problem === 'tam-khoa') return seeOther(`${SIGN_IN_PATH}?loi=tam-khoa`);
  if (problem) return seeOther(`${CHANGE_PASSWORD_PATH}?loi=${problem}`);
  return seeOther(NEWSROOM_PATH);
}

/** Only forms post here; a reload or a typed URL goes back to the page of the form. */
export function GET() {
  return seeOther(CHANGE_PASSWORD_PATH);
}
