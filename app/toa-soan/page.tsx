import { NewsroomDashboard } from '@/components/newsroom/newsroom-dashboard';
import { canUseNewsroom } from '@/lib/newsroom-permissions';
import { ROLE_LABELS } from '@/lib/staff-roles';
import { requireStaffPage } from './access';

export default async function NewsroomPage() {
  const session = await requireStaffPage(canUseNewsroom);
  return <NewsroomDashboard name={session.user.name} roleLabel={ROLE_LABELS[session.user.role]} signOutAction="/toa-soan/dang-xuat" securityHref="/toa-soan/bao-mat" />;
}
