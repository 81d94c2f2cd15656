import type { Metadata } from 'next';
import { StaffAccountList } from '@/components/newsroom/staff-account-list';
import { getDb } from '@/db/client';
import { listStaffUsers } from '@/db/queries/staff';
import { accountError, NEW_ACCOUNT_PATH } from '@/lib/newsroom-accounts';
import { canManageAccounts } from '@/lib/newsroom-permissions';
import { requireStaffPage } from '../access';

export const metadata: Metadata = { title: 'Người dùng' };

export default async function AccountsPage({ searchParams }: PageProps<'/toa-soan/nguoi-dung'>) {
  await requireStaffPage(canManageAccounts);
  const [accounts, { loi }] = await Promise.all([listStaffUsers(getDb()), searchParams]);
  return <StaffAccountList accounts={accounts} newAccountHref={NEW_ACCOUNT_PATH} error={accountError(loi)} />;
}
