'use client';


/** Last resort when even the layout fails: a plain Vietnamese page with its own document. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="vi">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '3rem auto', padding: '0 1rem' }}>
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
