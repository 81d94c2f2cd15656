import type { Metadata } from 'next';

// No `robots` here: Next puts `<meta name="robots" content="noindex">` on every 404 itself, and a second one
// would be a duplicate (issue #15).
export const metadata: Metadata = { title: 'Không tìm thấy trang' };

export default function NotFound() {
  return (
    <section className="message-page">
      <h1>Không tìm thấy trang</h1>
      <p>Trang bạn tìm không tồn tại, đã bị gỡ hoặc đường dẫn chưa đúng.</p>
      <p>
        <a href="/">Về trang chủ</a> để đọc tin mới nhất.
      </p>
    </section>
  );
}
