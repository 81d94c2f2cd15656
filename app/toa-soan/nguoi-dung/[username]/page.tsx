import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountDetails } from '@/components/newsroom/account-details';
import { getDb } from '@/db/client';
import { listCategories } from '@/db/queries/categories';
import { listStaffUsers } from '@/db/queries/staff';
import { ACCOUNT_ACTIONS, accountActionPath, accountError, accountNotice, ACCOUNTS_PATH, AUDIT_LOG_PATH } from '@/lib/newsroom-accounts';
import { canManageAccounts } from '@/lib/newsroom-permissions';
import { normalizeUsername } from '@/lib/staff-password';
import { requireStaffPage } from '../../access';

export const metadata: Metadata = { title: 'Tài khoản' };

export default async function AccountPage({ params, searchParams }: PageProps<'/toa-soan/nguoi-dung/[username]'>) {
  await requireStaffPage(canManageAccounts);
  const username = normalizeUsername((await params).username);
  // The whole list is small (a newsroom's staff) and gives the account with its category names and lock state.
  const [accounts, categories, { loi, 'thong-bao': thongBao }] = await Promise.all([listStaffUsers(getDb()), listCategories(), searchParams]);
  const account = accounts.find((a) => a.username === username);
  if (!account) notFound();
  const actions = Object.fromEntries(ACCOUNT_ACTIONS.map((action) => [action, accountActionPath(username, action)])) as Record<(typeof ACCOUNT_ACTIONS)[number], string>;
  return (
    <AccountDetails
      account={account}
      categories={categories}
      actions={actions}
      notice={accountNotice(thongBao)}
      error={accountError(loi)}
      backHref={ACCOUNTS_PATH}
      auditHref={`${AUDIT_LOG_PATH}?nguoi=${username}`}
    />
  );
}
