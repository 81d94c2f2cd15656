import styles from '@/components/newsroom/newsroom-home.module.css';
import panel from '@/components/newsroom/newsroom.module.css';

export type NewsroomLink = { href: string; label: string };

/**
 * The staff bar at the top of the newsroom's home: who is signed in, the pages this role may open (the page
 * decides; each linked page checks again), the sign-in security page and the sign-out button.
 */
export function NewsroomNav({
  name,
  roleLabel,
  links = [],
  securityHref,
  signOutAction,
}: {
  name: string;
  roleLabel: string;
  links?: NewsroomLink[];
  securityHref: string;
  signOutAction: string;
}) {
  return (
    <nav className={styles.bar} aria-label="Tòa soạn">
      <p>
        Xin chào, <strong>{name}</strong> · Vai trò: <span data-testid="vai-tro">{roleLabel}</span>
      </p>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href}>{link.label}</a>
          </li>
        ))}
        <li>
          <a href={securityHref}>Bảo mật đăng nhập (xác thực hai lớp)</a>
        </li>
      </ul>
      <form method="post" action={signOutAction}>
        <button className={panel.button} type="submit">
          Đăng xuất
        </button>
      </form>
    </nav>
  );
}
