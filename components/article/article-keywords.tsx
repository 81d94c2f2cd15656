import type { Keyword } from '@/lib/types';
import { keywordPath } from '@/lib/urls';

/** The `Từ khóa` section; nothing at all when the article has no keywords. */
export function ArticleKeywords({ keywords }: { keywords: Keyword[] }) {
  if (keywords.length === 0) return null;
  return (
    <section className="article-keywords" aria-labelledby="tu-khoa">
      <h2 id="tu-khoa">Từ khóa</h2>
      <ul>
        {keywords.map((keyword) => (
          <li key={keyword.id}>
            <a href={keywordPath(keyword.slug)}>{keyword.name}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
