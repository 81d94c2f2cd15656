import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { TwoFactorEnrolment } from '@/components/newsroom/two-factor-enrolment';
import { getPendingEnrolment } from '@/db/newsroom-two-factor';
import { SECURITY_PATH, twoFactorMessage } from '@/lib/newsroom-http';
import { canUseNewsroom, requiresTwoFactor } from '@/lib/newsroom-permissions';
import { qrSvg } from '@/lib/qr-svg';
import { requireStaffPage } from '../../access';

export const metadata: Metadata = { title: 'Bật xác thực hai lớp' };

// The enrolment page: reads only. Its "Bắt đầu" button posts to bat-dau, which makes the secret this page then
// shows (STYLE.md: no writes during render).
export default async function EnrolmentPage({ searchParams }: PageProps<'/toa-soan/bao-mat/hai-lop'>) {
  const session = await requireStaffPage(canUseNewsroom, 'two-factor-enrol');
  if (session.twoFactor.enabled) redirect(SECURITY_PATH);
  const pending = await getPendingEnrolment(session);
  const enrolment = pending ? { qrSvg: await qrSvg(pending.uri, 'Mã QR để thêm tài khoản vào ứng dụng xác thực'), secretGrouped: pending.secretGrouped } : null;
  const { loi } = await searchParams;
  return (
    <TwoFactorEnrolment
      required={requiresTwoFactor(session.user.role)}
      enrolment={enrolment}
      error={twoFactorMessage(Array.isArray(loi) ? loi[0] : loi, undefined)}
      actions={{ start: '/toa-soan/bao-mat/hai-lop/bat-dau', confirm: '/toa-soan/bao-mat/hai-lop/xac-nhan', signOut: '/toa-soan/dang-xuat' }}
    />
  );
}
