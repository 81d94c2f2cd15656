'use client';

import styles from '@/app/global-error.module.css';

/** Last resort when even the layout fails: a plain Vietnamese page with its own document. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="vi">
      <body className={styles.body}>
        <h1>Đã có lỗi xảy ra</h1>
        <p>Trang chưa hiển thị được. Xin bạn thử lại sau ít phút.</p>
        <button type="button" onClick={reset}>
          Thử lại
        </button>{' '}
        <a href="/">Về trang chủ</a>
      </body>
    </html>
  );
}
