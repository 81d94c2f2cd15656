import { CodeField } from '@/components/newsroom/code-field';
import { FormMessage } from '@/components/newsroom/form-message';
import styles from '@/components/newsroom/newsroom.module.css';
import { SignOutForm } from '@/components/newsroom/sign-out-form';

// The second step of signing in for a user with two-factor sign-in: a code from the app or a backup code.
export function TwoFactorCodeForm({ action, error, signOutAction }: { action: string; error: string | null; signOutAction: string }) {
  return (
    <section className={styles.panel} aria-labelledby="xac-thuc-tieu-de">
      <h1 id="xac-thuc-tieu-de">Xác thực hai lớp</h1>
      <p>Nhập mã 6 chữ số trong ứng dụng xác thực trên điện thoại, hoặc một mã dự phòng.</p>
      <FormMessage text={error} />
      <form method="post" action={action}>
        <CodeField id="ma-xac-thuc" hint="Mỗi mã chỉ dùng được một lần." />
        <button className={styles.button} type="submit">
          Xác nhận
        </button>
      </form>
      <SignOutForm action={signOutAction} />
    </section>
  );
}
