import styles from '@/components/newsroom/newsroom.module.css';

// What forbidden() shows under /toa-soan (status 403): a signed-in member of staff opened a page their role
// does not have (app/toa-soan/access.ts).
export default function NewsroomForbidden() {
  return (
    <section className={styles.panel} aria-labelledby="khong-co-quyen">
      <h1 id="khong-co-quyen">Không có quyền</h1>
      <p>Tài khoản của bạn không có quyền mở trang này.</p>
      <p>
        <a href="/toa-soan">Về trang tòa soạn</a>
      </p>
    </section>
  );
}
