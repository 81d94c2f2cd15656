import { FormMessage } from '@/components/newsroom/form-message';
import styles from '@/components/newsroom/newsroom.module.css';
import { formatArticleDateTime } from '@/lib/dates';
import type { StaffListEntry } from '@/lib/newsroom-accounts';
import { ROLE_LABELS } from '@/lib/staff-roles';


/** Whether the account can sign in now, in words. */
export function accountState(account: Pick<StaffListEntry, 'disabled' | 'lockedUntil' | 'mustChangePassword'>): string {
  if (account.disabled) return 'Đã vô hiệu hóa';
  if (account.lockedUntil) return `Tạm khóa đến ${formatArticleDateTime(account.lockedUntil)}`;
  if (account.mustChangePassword) return 'Hoạt động (phải đổi mật khẩu)';
  return 'Hoạt động';
}

/** /toa-soan/nguoi-dung: every account, one row each, linked to its page. */
export function StaffAccountList({ accounts, newAccountHref, error }: { accounts: StaffListEntry[]; newAccountHref: string; error: string | null }) {
  return (
    <section className={styles.wide} aria-labelledby="nguoi-dung-tieu-de">
      <h1 id="nguoi-dung-tieu-de">Người dùng</h1>
      <FormMessage text={error} />
      <p>
        <a href={newAccountHref}>Tạo tài khoản mới</a> · <a href="/toa-soan">Về trang tòa soạn</a>
      </p>
      <table className={styles.table}>
        <caption>Tài khoản tòa soạn ({accounts.length})</caption>
        <thead>
          <tr>
            <th scope="col">Họ tên</th>
            <th scope="col">Tên đăng nhập</th>
            <th scope="col">Vai trò</th>
            <th scope="col">Chuyên mục</th>
            <th scope="col">Đăng nhập gần nhất</th>
            <th scope="col">Trạng thái</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.username}>
              <th scope="row">
                <a href={`/toa-soan/nguoi-dung/${account.username}`}>{account.name}</a>
              </th>
              <td>{account.username}</td>
              <td>{ROLE_LABELS[account.role]}</td>
              <td>{account.categories.map((c) => c.name).join(', ') || '—'}</td>
              <td>{account.lastSignInAt ? formatArticleDateTime(account.lastSignInAt) : 'Chưa đăng nhập'}</td>
              <td>{accountState(account)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
