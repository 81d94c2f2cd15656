import { FormMessage } from '@/components/newsroom/form-message';
import styles from '@/components/newsroom/newsroom.module.css';
import { RoleFields, type CategoryOption } from '@/components/newsroom/role-fields';

/** /toa-soan/nguoi-dung/moi: the server makes the one-time password and shows it once in its answer. */
export function NewAccountForm({ action, categories, error, backHref }: { action: string; categories: CategoryOption[]; error: string | null; backHref: string }) {
  return (
    <section className={styles.panel} aria-labelledby="tao-tai-khoan-tieu-de">
      <h1 id="tao-tai-khoan-tieu-de">Tạo tài khoản</h1>
      <FormMessage text={error} />
      <form method="post" action={action}>
        <div className={styles.field}>
          <label htmlFor="moi-ten-dang-nhap">Tên đăng nhập</label>
          <input
            id="moi-ten-dang-nhap"
            name="ten-dang-nhap"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            minLength={3}
            maxLength={30}
            pattern="[A-Za-z0-9_.]{3,30}"
            aria-describedby="moi-ten-goi-y"
          />
          <span id="moi-ten-goi-y" className={styles.hint}>
            3-30 ký tự a-z, 0-9, dấu chấm hoặc gạch dưới.
          </span>
        </div>
        <div className={styles.field}>
          <label htmlFor="moi-ho-ten">Họ tên</label>
          <input id="moi-ho-ten" name="ho-ten" autoComplete="off" required maxLength={100} />
        </div>
        <RoleFields idPrefix="moi" categories={categories} />
        <p className={styles.hint}>Mật khẩu dùng một lần sẽ hiện một lần sau khi tạo; người dùng phải đổi nó khi đăng nhập lần đầu.</p>
        <button className={styles.button} type="submit">
          Tạo tài khoản
        </button>
      </form>
      <p>
        <a href={backHref}>Về danh sách người dùng</a>
      </p>
    </section>
  );
}
