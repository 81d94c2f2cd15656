import type { Metadata } from 'next';
import { PasswordChangeForm } from '@/components/newsroom/password-change-form';
import { passwordChangeMessage } from '@/lib/newsroom-http';
import { canUseNewsroom } from '@/lib/newsroom-permissions';
import { requireStaffPage } from '../access';

export const metadata: Metadata = { title: 'Đổi mật khẩu' };

export default async function ChangePasswordPage({ searchParams }: PageProps<'/toa-soan/doi-mat-khau'>) {
  const session = await requireStaffPage(canUseNewsroom, 'change-password');
  const { loi } = await searchParams;
  const error = passwordChangeMessage(Array.isArray(loi) ? loi[0] : loi);
  return <PasswordChangeForm action="/toa-soan/doi-mat-khau/gui" error={error} required={session.user.mustChangePassword} />;
}
