import styles from '@/components/newsroom/newsroom.module.css';

// The newsroom's home: a placeholder until the editor (issue #17) arrives.
export function NewsroomDashboard({
  name,
  roleLabel,
  signOutAction,
  links = [],
  securityHref,
}: {
  name: string;
  roleLabel: string;
  signOutAction: string;
  /** The pages this role may open (the page decides; each linked page checks again). */
  links?: { href: string; label: string }[];
  /** The user's own sign-in security page (two-factor). */
  securityHref: string;
}) {
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
      {links.length ? (
        <nav aria-label="Quản trị">
          <ul>
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <form method="post" action={signOutAction}>
        <button className={styles.button} type="submit">
          Đăng xuất
        </button>
      </form>
    </section>
  );
}
