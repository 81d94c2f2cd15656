import type { Metadata } from 'next';
import { NewAccountForm } from '@/components/newsroom/new-account-form';
import { listCategories } from '@/db/queries/categories';
import { accountError, ACCOUNTS_PATH } from '@/lib/newsroom-accounts';
import { canManageAccounts } from '@/lib/newsroom-permissions';
import { requireStaffPage } from '../../access';

export const metadata: Metadata = { title: 'Tạo tài khoản' };

export default async function NewAccountPage({ searchParams }: PageProps<'/toa-soan/nguoi-dung/moi'>) {
  await requireStaffPage(canManageAccounts);
  const [categories, { loi }] = await Promise.all([listCategories(), searchParams]);
  return <NewAccountForm action="/toa-soan/nguoi-dung/moi/gui" categories={categories} error={accountError(loi)} backHref={ACCOUNTS_PATH} />;
}
