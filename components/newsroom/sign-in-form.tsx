import { FormMessage } from '@/components/newsroom/form-message';
import styles from '@/components/newsroom/newsroom.module.css';

// A plain HTML form: it posts to a route handler and works without JavaScript (no newsroom script at all).
export function SignInForm({ action, error }: { action: string; error: string | null }) {
  return (
    <section className={styles.panel} aria-labelledby="dang-nhap-tieu-de">
      <h1 id="dang-nhap-tieu-de">Đăng nhập tòa soạn</h1>
      <FormMessage text={error} />
      <form method="post" action={action}>
        <div className={styles.field}>
          <label htmlFor="ten-dang-nhap">Tên đăng nhập</label>
          <input id="ten-dang-nhap" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required maxLength={30} />
        </div>
        <div className={styles.field}>
          <label htmlFor="mat-khau">Mật khẩu</label>
          <input id="mat-khau" name="password" type="password" autoComplete="current-password" required maxLength={128} />
        </div>
        <button className={styles.button} type="submit">
          Đăng nhập
        </button>
      </form>
    </section>
  );
}
