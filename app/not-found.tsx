import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Không tìm thấy trang', robots: { index: false } };

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
