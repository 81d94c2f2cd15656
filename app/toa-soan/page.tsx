import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { NewsroomDashboard } from '@/components/newsroom/newsroom-dashboard';
import { getStaffSession } from '@/db/newsroom-sessions';
import { CHANGE_PASSWORD_PATH, SIGN_IN_PATH } from '@/lib/newsroom-http';
import { ROLE_LABELS } from '@/lib/staff-roles';

export default async function NewsroomPage() {
  const session = await getStaffSession(await headers());
  if (!session) redirect(SIGN_IN_PATH);
  if (session.user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return <NewsroomDashboard name={session.user.name} roleLabel={ROLE_LABELS[session.user.role]} signOutAction="/toa-soan/dang-xuat" />;
}
