import { CodeField } from '@/components/newsroom/code-field';
import { FormMessage } from '@/components/newsroom/form-message';
import styles from '@/components/newsroom/newsroom.module.css';
import { SignOutForm } from '@/components/newsroom/sign-out-form';

export type EnrolmentShown = { qrSvg: string; secretGrouped: string };

type Props = {
  required: boolean;
  enrolment: EnrolmentShown | null;
  error: string | null;
  actions: { start: string; confirm: string; signOut: string };
};

// Turning two-factor sign-in on: first a button (the page itself writes nothing), then the secret as a QR code
// (inline SVG drawn on the server) and as text, and the first code to confirm it.
export function TwoFactorEnrolment({ required, enrolment, error, actions }: Props) {
  return (
    <section className={styles.panel} aria-labelledby="hai-lop-tieu-de">
      <h1 id="hai-lop-tieu-de">Bật xác thực hai lớp</h1>
      {required ? <p>Vai trò của bạn phải đăng nhập bằng mật khẩu và mã từ ứng dụng xác thực. Hãy bật xác thực hai lớp để tiếp tục.</p> : null}
      <FormMessage text={error} />
      {enrolment ? (
        <>
          <p>Quét mã QR bằng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, FreeOTP...), hoặc nhập khóa bí mật bên dưới.</p>
          <div dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }} />
          <p>
            Khóa bí mật: <code data-testid="khoa-bi-mat">{enrolment.secretGrouped}</code>
          </p>
          <form method="post" action={actions.confirm}>
            <CodeField id="ma-xac-nhan" hint="Mã 6 chữ số ứng dụng đang hiện." />
            <button className={styles.button} type="submit">
              Xác nhận và bật
            </button>
          </form>
        </>
      ) : (
        <form method="post" action={actions.start}>
          <button className={styles.button} type="submit">
            Bắt đầu
          </button>
        </form>
      )}
      <SignOutForm action={actions.signOut} />
    </section>
  );
}
