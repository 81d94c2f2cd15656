import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { PasswordChangeForm } from '@/components/newsroom/password-change-form';
import { getStaffSession } from '@/db/newsroom-sessions';
import { passwordChangeMessage, SIGN_IN_PATH } from '@/lib/newsroom-http';

export const metadata: Metadata = { title: 'Đổi mật khẩu' };

export default async function ChangePasswordPage({ searchParams }: PageProps<'/toa-soan/doi-mat-khau'>) {
  const session = await getStaffSession(await headers());
  if (!session) redirect(SIGN_IN_PATH);
  const { loi } = await searchParams;
  const error = passwordChangeMessage(Array.isArray(loi) ? loi[0] : loi);
  return <PasswordChangeForm action="/toa-soan/doi-mat-khau/gui" error={error} required={session.user.mustChangePassword} />;
}
