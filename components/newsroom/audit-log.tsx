import styles from '@/components/newsroom/newsroom.module.css';
import { formatArticleDateTime } from '@/lib/dates';

export type AuditLine = { id: number; at: Date; actionLabel: string; actor: string | null; subject: string | null; address: string | null; detail: string };

type Props = {
  lines: AuditLine[];
  filters: { person: string; action: string };
  actionOptions: { value: string; label: string }[];
  page: number;
  previousHref: string | null;
  nextHref: string | null;
  action: string;
};

/** /toa-soan/nhat-ky: the audit log, newest first, with a GET filter form (works without JavaScript). */
export function AuditLog({ lines, filters, actionOptions, page, previousHref, nextHref, action }: Props) {
  return (
    <section className={styles.wide} aria-labelledby="nhat-ky-tieu-de">
      <h1 id="nhat-ky-tieu-de">Nhật ký</h1>
      <p>
        <a href="/toa-soan">Về trang tòa soạn</a>
      </p>
      <form method="get" action={action} className={styles.filters} aria-label="Lọc nhật ký">
        <div className={styles.field}>
          <label htmlFor="loc-nguoi">Người (tên đăng nhập)</label>
          <input id="loc-nguoi" name="nguoi" defaultValue={filters.person} autoCapitalize="none" spellCheck={false} maxLength={100} />
        </div>
        <div className={styles.field}>
          <label htmlFor="loc-hanh-dong">Hành động</label>
          <select id="loc-hanh-dong" name="hanh-dong" defaultValue={filters.action}>
            <option value="">Tất cả</option>
            {actionOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button className={styles.button} type="submit">
          Lọc
        </button>
      </form>
      <table className={styles.table}>
        <caption>
          Nhật ký thay đổi và đăng nhập, mới nhất trước (trang {page})
        </caption>
        <thead>
          <tr>
            <th scope="col">Thời gian</th>
            <th scope="col">Người thực hiện</th>
            <th scope="col">Hành động</th>
            <th scope="col">Tài khoản</th>
            <th scope="col">Địa chỉ</th>
            <th scope="col">Chi tiết</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id}>
              <td>{formatArticleDateTime(line.at)}</td>
              <td>{line.actor === 'cli' ? 'dòng lệnh (cli)' : (line.actor ?? '—')}</td>
              <td>{line.actionLabel}</td>
              <td>{line.subject ?? '—'}</td>
              <td>{line.address ?? '—'}</td>
              <td>{line.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lines.length === 0 ? <p>Không có dòng nào.</p> : null}
      <nav aria-label="Trang nhật ký">
        {previousHref ? <a href={previousHref}>← Mới hơn</a> : null} {nextHref ? <a href={nextHref}>Cũ hơn →</a> : null}
      </nav>
    </section>
  );
}
