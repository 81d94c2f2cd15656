import { CodeField } from '@/components/newsroom/code-field';
import { FormMessage } from '@/components/newsroom/form-message';
import styles from '@/components/newsroom/newsroom.module.css';

type Props = {
  enabled: boolean;
  backupCodesLeft: number;
  mayTurnOff: boolean;
  error: string | null;
  links: { enrol: string; home: string };
  actions: { regenerate: string; turnOff: string };
};

// One's own sign-in security: whether two-factor sign-in is on, new backup codes, and (for roles that may) off.
export function SecuritySettings({ enabled, backupCodesLeft, mayTurnOff, error, links, actions }: Props) {
  return (
    <section className={styles.panel} aria-labelledby="bao-mat-tieu-de">
      <h1 id="bao-mat-tieu-de">Bảo mật đăng nhập</h1>
      <FormMessage text={error} />
      <p>
        Xác thực hai lớp: <strong data-testid="trang-thai-hai-lop">{enabled ? 'Đang bật' : 'Đang tắt'}</strong>
      </p>
      {enabled ? (
        <>
          <p>Còn {backupCodesLeft} mã dự phòng chưa dùng.</p>
          <h2>Tạo mã dự phòng mới</h2>
          <p>Các mã dự phòng cũ sẽ không dùng được nữa.</p>
          <form method="post" action={actions.regenerate}>
            <CodeField id="ma-tao-du-phong" hint="Mã 6 chữ số từ ứng dụng, hoặc một mã dự phòng." />
            <button className={styles.button} type="submit">
              Tạo mã dự phòng mới
            </button>
          </form>
          {mayTurnOff ? (
            <>
              <h2>Tắt xác thực hai lớp</h2>
              <form method="post" action={actions.turnOff}>
                <CodeField id="ma-tat-hai-lop" hint="Mã 6 chữ số từ ứng dụng, hoặc một mã dự phòng." />
                <button className={styles.button} type="submit">
                  Tắt xác thực hai lớp
                </button>
              </form>
            </>
          ) : null}
        </>
      ) : (
        <p>
          <a href={links.enrol}>Bật xác thực hai lớp</a>
        </p>
      )}
      <p>
        <a href={links.home}>Về trang tòa soạn</a>
      </p>
    </section>
  );
}
