import { FormMessage } from '@/components/newsroom/form-message';
import styles from '@/components/newsroom/newsroom.module.css';

export function PasswordChangeForm({ action, error, required }: { action: string; error: string | null; required: boolean }) {
  return (
    <section className={styles.panel} aria-labelledby="doi-mat-khau-tieu-de">
      <h1 id="doi-mat-khau-tieu-de">Đổi mật khẩu</h1>
      {required ? <p>Mật khẩu hiện tại là mật khẩu dùng một lần: hãy đặt mật khẩu của riêng bạn trước khi tiếp tục.</p> : null}
      <FormMessage text={error} />
      <form method="post" action={action}>
        <div className={styles.field}>
          <label htmlFor="mat-khau-hien-tai">Mật khẩu hiện tại</label>
          <input id="mat-khau-hien-tai" name="current" type="password" autoComplete="current-password" required maxLength={128} />
        </div>
        <div className={styles.field}>
          <label htmlFor="mat-khau-moi">Mật khẩu mới</label>
          <input id="mat-khau-moi" name="next" type="password" autoComplete="new-password" required minLength={12} maxLength={128} aria-describedby="mat-khau-goi-y" />
          <span id="mat-khau-goi-y" className={styles.hint}>
            Ít nhất 12 ký tự; không dùng mật khẩu phổ biến. Một câu dễ nhớ là mật khẩu tốt.
          </span>
        </div>
        <div className={styles.field}>
          <label htmlFor="nhap-lai">Nhập lại mật khẩu mới</label>
          <input id="nhap-lai" name="confirmation" type="password" autoComplete="new-password" required maxLength={128} />
        </div>
        <button className={styles.button} type="submit">
          Đổi mật khẩu
        </button>
      </form>
    </section>
  );
}
