import { DateTime } from '@/components/ui/date-time';
import type { SearchHit } from '@/lib/types';
import { articlePath, categoryPath } from '@/lib/urls';

/** Search hits: title, date, category and a passage with the matched words in <mark>. */
export function SearchResults({ hits, start }: { hits: SearchHit[]; start: number }) {
  return (
    <ol className="search-results" start={start}>
      {hits.map((hit) => (
        <li key={hit.id}>
          <h2 className="search-results__title">
            <a href={articlePath(hit)}>{hit.title}</a>
          </h2>
          <p className="card__meta">
            <DateTime date={hit.publishedAt} /> · <a href={categoryPath(hit.categoryId)}>{hit.categoryName}</a>
          </p>
          <p className="search-results__snippet">
            {hit.snippet.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
          </p>
        </li>
      ))}
    </ol>
  );
}
