import { FormMessage } from '@/components/newsroom/form-message';
import { FormNotice } from '@/components/newsroom/form-notice';
import styles from '@/components/newsroom/newsroom.module.css';
import { RoleFields, type CategoryOption } from '@/components/newsroom/role-fields';
import { accountState } from '@/components/newsroom/staff-account-list';
import { formatArticleDateTime } from '@/lib/dates';
import type { AccountAction, StaffListEntry } from '@/lib/newsroom-accounts';
import { ROLE_LABELS } from '@/lib/staff-roles';

type Props = {
  account: StaffListEntry;
  categories: CategoryOption[];
  /** The form target of each action. */
  actions: Record<AccountAction, string>;
  notice: string | null;
  error: string | null;
  backHref: string;
  auditHref: string;
};

function ActionForm({ action, title, hint, button }: { action: string; title: string; hint: string; button: string }) {
  return (
    <form method="post" action={action} aria-label={title}>
      <h2>{title}</h2>
      <p className={styles.hint}>{hint}</p>
      <button className={styles.button} type="submit">
        {button}
      </button>
    </form>
  );
}

/** /toa-soan/nguoi-dung/<username>: the account, then one plain form per action, each to its own target. */
export function AccountDetails({ account, categories, actions, notice, error, backHref, auditHref }: Props) {
  return (
    <section className={styles.wide} aria-labelledby="tai-khoan-tieu-de">
      <h1 id="tai-khoan-tieu-de">{account.name}</h1>
      <FormNotice text={notice} />
      <FormMessage text={error} />
      <dl>
        <dt>Tên đăng nhập</dt>
        <dd>{account.username}</dd>
        <dt>Vai trò</dt>
        <dd data-testid="vai-tro">{ROLE_LABELS[account.role]}</dd>
        <dt>Chuyên mục</dt>
        <dd>{account.categories.map((c) => c.name).join(', ') || '—'}</dd>
        <dt>Đăng nhập gần nhất</dt>
        <dd>{account.lastSignInAt ? formatArticleDateTime(account.lastSignInAt) : 'Chưa đăng nhập'}</dd>
        <dt>Trạng thái</dt>
        <dd data-testid="trang-thai">{accountState(account)}</dd>
      </dl>
      <p>
        <a href={auditHref}>Nhật ký của tài khoản này</a> · <a href={backHref}>Về danh sách người dùng</a>
      </p>
      <div className={styles.actions}>
        <form method="post" action={actions['vai-tro']} aria-label="Vai trò và chuyên mục">
          <h2>Vai trò và chuyên mục</h2>
          <RoleFields idPrefix="doi" categories={categories} role={account.role} categoryIds={account.categories.map((c) => c.id)} />
          <p className={styles.hint}>Đổi vai trò sẽ đăng xuất mọi phiên của người này.</p>
          <button className={styles.button} type="submit">
            Lưu vai trò
          </button>
        </form>
        <ActionForm
          action={actions['dat-lai-mat-khau']}
          title="Đặt lại mật khẩu"
          hint="Tạo mật khẩu dùng một lần mới (hiện một lần); mật khẩu cũ hết hiệu lực, mọi phiên bị đăng xuất."
          button="Đặt lại mật khẩu"
        />
        {account.disabled ? (
          <ActionForm action={actions['kich-hoat']} title="Kích hoạt lại" hint="Cho phép tài khoản đăng nhập trở lại." button="Kích hoạt lại" />
        ) : (
          <ActionForm action={actions['vo-hieu-hoa']} title="Vô hiệu hóa" hint="Chặn đăng nhập và đăng xuất mọi phiên của người này ngay." button="Vô hiệu hóa" />
        )}
        {account.lockedUntil ? (
          <ActionForm action={actions['mo-khoa']} title="Mở khóa" hint="Gỡ khóa do đăng nhập sai nhiều lần." button="Mở khóa" />
        ) : null}
        <ActionForm
          action={actions['dat-lai-hai-lop']}
          title="Đặt lại xác thực hai lớp"
          hint="Xóa thiết bị xác thực và mã dự phòng; người này phải đăng ký lại ở lần đăng nhập tới."
          button="Đặt lại xác thực hai lớp"
        />
      </div>
    </section>
  );
}
