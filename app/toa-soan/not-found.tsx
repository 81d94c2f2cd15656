import styles from '@/components/newsroom/newsroom.module.css';

// What an unknown address under /toa-soan shows (status 404), inside the newsroom's own document.
export default function NewsroomNotFound() {
  return (
    <section className={styles.panel} aria-labelledby="khong-tim-thay">
      <h1 id="khong-tim-thay">Không tìm thấy trang</h1>
      <p>Trang bạn tìm không có trong tòa soạn.</p>
      <p>
        <a href="/toa-soan">Về trang tòa soạn</a>
      </p>
    </section>
  );
}
