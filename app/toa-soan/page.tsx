import { NewsroomDashboard } from '@/components/newsroom/newsroom-dashboard';
import { ACCOUNTS_PATH, AUDIT_LOG_PATH } from '@/lib/newsroom-accounts';
import { canManageAccounts, canReadAuditLog, canUseNewsroom } from '@/lib/newsroom-permissions';
import { ROLE_LABELS } from '@/lib/staff-roles';
import { requireStaffPage } from './access';

export default async function NewsroomPage() {
  const session = await requireStaffPage(canUseNewsroom);
  // Links to what this role may open; the pages check again (the link is not the check).
  const links = [
    ...(canManageAccounts(session.user) ? [{ href: ACCOUNTS_PATH, label: 'Người dùng' }] : []),
    ...(canReadAuditLog(session.user) ? [{ href: AUDIT_LOG_PATH, label: 'Nhật ký' }] : []),
  ];
  return <NewsroomDashboard name={session.user.name} roleLabel={ROLE_LABELS[session.user.role]} signOutAction="/toa-soan/dang-xuat" links={links} securityHref="/toa-soan/bao-mat" />;
}
