
export type Crumb = { name: string; href: string };

/** Trang chủ › category › ...: the last crumb is the current page's parent section. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Đường dẫn" className="breadcrumb">
      <ol>
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href}>{item.name}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
