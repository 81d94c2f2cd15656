import styles from '@/components/newsroom/newsroom.module.css';

// The newsroom's home: a placeholder until the editor (issue #17) arrives.
export function NewsroomDashboard({ name, roleLabel, signOutAction, securityHref }: { name: string; roleLabel: string; signOutAction: string; securityHref: string }) {
  return (
    <section className={styles.panel} aria-labelledby="toa-soan-tieu-de">
      <h1 id="toa-soan-tieu-de">Tòa soạn</h1>
      <p>
        Xin chào, <strong>{name}</strong>
      </p>
      <p>
        Vai trò: <span data-testid="vai-tro">{roleLabel}</span>
      </p>
      <p>
        <a href={securityHref}>Bảo mật đăng nhập (xác thực hai lớp)</a>
      </p>
      <form method="post" action={signOutAction}>
        <button className={styles.button} type="submit">
          Đăng xuất
        </button>
      </form>
    </section>
  );
}
