import { confirmEnrolment } from '@/db/newsroom-two-factor';
import { badForm, readForm, seeOther, shownOnce } from '@/lib/newsroom-responses';
import { ENROL_PATH, NEWSROOM_PATH, SECURITY_PATH } from '@/lib/newsroom-http';
import { canUseNewsroom } from '@/lib/newsroom-permissions';
import { clientAddress } from '@/lib/rate-limit';
import { authorizeRequest, limitAttempts } from '../../../access';

// The enrolment's first code (POST only): a right one turns two-factor sign-in on and answers with the ten backup
// codes, shown this once (only their hashes are kept).
export async function POST(request: Request) {
  const session = await authorizeRequest(request, canUseNewsroom, 'two-factor-enrol');
  if (session instanceof Response) return session;
  if (session.twoFactor.enabled) return seeOther(SECURITY_PATH);
  const limited = limitAttempts(request);
  if (limited) return limited;
  const form = await readForm(request);
  if (!form) return badForm();
  const codes = await confirmEnrolment(session, form.get('code') ?? '', clientAddress(request.headers.get('x-forwarded-for')));
  if (!codes) return seeOther(`${ENROL_PATH}?loi=sai-ma`);
  return shownOnce({
    title: 'Đã bật xác thực hai lớp',
    lead: 'Đây là 10 mã dự phòng, mỗi mã dùng được một lần khi không có điện thoại. Hãy in hoặc ghi lại và cất ở nơi an toàn.',
    secrets: codes,
    next: { href: NEWSROOM_PATH, label: 'Tiếp tục vào tòa soạn' },
  });
}

/** Only forms post here; a reload or a typed URL goes back to the page of the form. */
export function GET() {
  return seeOther(ENROL_PATH);
}
