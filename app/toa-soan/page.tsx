import { NewsroomArticleList } from '@/components/newsroom/article-list';
import { NewsroomDashboard } from '@/components/newsroom/newsroom-dashboard';
import { NewsroomNav } from '@/components/newsroom/newsroom-nav';
import { listCategories } from '@/db/queries/categories';
import { listMyArticles, listNewsroomArticles } from '@/db/queries/newsroom-articles';
import { ACCOUNTS_PATH, AUDIT_LOG_PATH } from '@/lib/newsroom-accounts';
import { readArticleListParams } from '@/lib/newsroom-articles';
import { canManageAccounts, canReadAuditLog, canUseNewsroom, canWriteArticles } from '@/lib/newsroom-permissions';
import { ROLE_LABELS } from '@/lib/staff-roles';
import { requireStaffPage } from './access';

const SECURITY_PATH = '/toa-soan/bao-mat';
const SIGN_OUT_PATH = '/toa-soan/dang-xuat';

// The newsroom's home: the article list for a role that writes (issue #17), the dashboard for one that does not.
export default async function NewsroomPage({ searchParams }: PageProps<'/toa-soan'>) {
  const { user } = await requireStaffPage(canUseNewsroom);
  // Links to what this role may open; the pages check again (the link is not the check).
  const links = [
    ...(canManageAccounts(user) ? [{ href: ACCOUNTS_PATH, label: 'Người dùng' }] : []),
    ...(canReadAuditLog(user) ? [{ href: AUDIT_LOG_PATH, label: 'Nhật ký' }] : []),
  ];
  const nav = { name: user.name, roleLabel: ROLE_LABELS[user.role], links, securityHref: SECURITY_PATH, signOutAction: SIGN_OUT_PATH };
  if (!canWriteArticles(user)) return <NewsroomDashboard {...nav} />;

  // The query string is the filter form's: whatever it holds that is not a known value is ignored.
  const { filters, page, authorText } = readArticleListParams(await searchParams);
  const viewer = { id: user.id, role: user.role, categoryIds: user.categoryIds };
  const [mine, list, categories] = await Promise.all([listMyArticles(viewer), listNewsroomArticles({ viewer, ...filters, page }), listCategories()]);
  return (
    <>
      <NewsroomNav {...nav} />
      <NewsroomArticleList mine={mine} list={list} filters={{ q: filters.q ?? '', status: filters.status, categoryId: filters.categoryId, authorText }} categories={categories} />
    </>
  );
}
