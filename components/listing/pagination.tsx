
type Props = { page: number; pageCount: number; pathFor: (page: number) => string };

/** Previous / page numbers / next, as plain links (works without JavaScript, crawlable). */
export function Pagination({ page, pageCount, pathFor }: Props) {
  if (pageCount <= 1) return null;
  const first = Math.max(1, page - 2);
  const last = Math.min(pageCount, page + 2);
  const pages = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return (
    <nav aria-label="Phân trang" className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <a href={pathFor(page - 1)} rel="prev">
              ‹ Trang trước
            </a>
          </li>
        ) : null}
        {pages.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page">{p}</span>
            ) : (
              <a href={pathFor(p)} aria-label={`Trang ${p}`}>
                {p}
              </a>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <a href={pathFor(page + 1)} rel="next">
              Trang sau ›
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
