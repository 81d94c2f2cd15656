import { siteConfig } from '@/config/site';

export function SiteFooter() {
  const { publisher } = siteConfig;
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="site-footer__name">{publisher.name}</p>
        <address>
          <p>Địa chỉ: {publisher.address}</p>
          {publisher.phone ? <p>Điện thoại: {publisher.phone}</p> : null}
          {publisher.email ? (
            <p>
              Email: <a href={`mailto:${publisher.email}`}>{publisher.email}</a>
            </p>
          ) : null}
        </address>
        <p>{publisher.responsible}</p>
        <p>© {siteConfig.fullName}. Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p>
      </div>
    </footer>
  );
}
