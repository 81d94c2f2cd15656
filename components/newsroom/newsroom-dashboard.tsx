import { NewsroomNav, type NewsroomLink } from '@/components/newsroom/newsroom-nav';
import styles from '@/components/newsroom/newsroom.module.css';

/** The newsroom's home for a role that writes no article (quan-tri): the staff bar and what the role is for. */
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
  links?: NewsroomLink[];
  /** The user's own sign-in security page (two-factor). */
  securityHref: string;
}) {
  return (
    <>
      <NewsroomNav name={name} roleLabel={roleLabel} links={links} securityHref={securityHref} signOutAction={signOutAction} />
      <section className={styles.panel} aria-labelledby="toa-soan-tieu-de">
        <h1 id="toa-soan-tieu-de">Tòa soạn</h1>
        <p>Tài khoản này quản lý người dùng và đọc nhật ký; bài viết do phóng viên, biên tập viên và lãnh đạo viết.</p>
      </section>
    </>
  );
}
