import '@/components/search/search.css';
import { formatViews } from '@/lib/text';
import type { MostReadItem } from '@/lib/types';
import { articlePath } from '@/lib/urls';

/** `Đọc nhiều`: the five most read articles, numbered. */
export function MostRead({ items }: { items: MostReadItem[] }) {
  if (items.length === 0) return null;
  return (
    <section className="most-read" aria-labelledby="doc-nhieu">
      <h2 id="doc-nhieu">Đọc nhiều</h2>
      <ol>
        {items.map((item) => (
          <li key={item.id}>
            <a href={articlePath(item)}>{item.title}</a>{' '}
            <span className="most-read__views">{formatViews(item.views)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
