import { regenerateBackupCodes } from '@/db/newsroom-two-factor';
import { badForm, readForm, seeOther, shownOnce } from '@/lib/newsroom-responses';
import { SECURITY_PATH } from '@/lib/newsroom-http';
import { canUseNewsroom } from '@/lib/newsroom-permissions';
import { clientAddress } from '@/lib/rate-limit';
import { authorizeRequest, limitAttempts } from '../../access';

// New backup codes (POST only), for a current code; the old ones stop working. Shown once.
export async function POST(request: Request) {
  const session = await authorizeRequest(request, canUseNewsroom);
  if (session instanceof Response) return session;
  if (!session.twoFactor.enabled) return seeOther(SECURITY_PATH);
  const limited = limitAttempts(request);
  if (limited) return limited;
  const form = await readForm(request);
  if (!form) return badForm();
  const outcome = await regenerateBackupCodes(session, form.get('code') ?? '', clientAddress(request.headers.get('x-forwarded-for')));
  if (!outcome.ok) return seeOther(`${SECURITY_PATH}?loi=${outcome.reason === 'locked' ? `tam-khoa&phut=${outcome.minutes}` : 'sai-ma'}`);
  return shownOnce({
    title: 'Mã dự phòng mới',
    lead: 'Đây là 10 mã dự phòng mới; các mã cũ không còn dùng được. Mỗi mã dùng được một lần.',
    secrets: outcome.value,
    next: { href: SECURITY_PATH, label: 'Về trang bảo mật' },
  });
}

/** Only forms post here; a reload or a typed URL goes back to the page of the form. */
export function GET() {
  return seeOther(SECURITY_PATH);
}
