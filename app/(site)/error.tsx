'use client';


/** Shown inside the site's layout when a page fails to render. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="message-page">
      <h1>Đã có lỗi xảy ra</h1>
      <p>Trang chưa hiển thị được do một lỗi của hệ thống. Xin bạn thử lại sau ít phút.</p>
      <p>
        <button type="button" onClick={reset}>
          Thử lại
        </button>{' '}
        hoặc <a href="/">về trang chủ</a>.
      </p>
    </section>
  );
}
