import { startEnrolment } from '@/db/newsroom-two-factor';
import { seeOther } from '@/lib/newsroom-responses';
import { ENROL_PATH, SECURITY_PATH } from '@/lib/newsroom-http';
import { canUseNewsroom } from '@/lib/newsroom-permissions';
import { authorizeRequest } from '../../../access';

// "Bắt đầu" on the enrolment page (POST only): a new secret, pending until a code confirms it; back to the page,
// which now shows it. Nothing changes for a user whose two-factor sign-in is already on.
export async function POST(request: Request) {
  const session = await authorizeRequest(request, canUseNewsroom, 'two-factor-enrol');
  if (session instanceof Response) return session;
  if (session.twoFactor.enabled) return seeOther(SECURITY_PATH);
  const started = await startEnrolment(session);
  return seeOther(started ? ENROL_PATH : SECURITY_PATH);
}

/** Only forms post here; a reload or a typed URL goes back to the page of the form. */
export function GET() {
  return seeOther(ENROL_PATH);
}
