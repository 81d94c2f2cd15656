import { ArticleCard } from '@/components/listing/article-card';
import type { ArticleTeaser } from '@/lib/types';

/** The `Tin liên quan` rail: other articles, each with thumbnail, title, date and a ~30-word excerpt. */
export function RelatedNews({ articles }: { articles: ArticleTeaser[] }) {
  if (articles.length === 0) return null;
  return (
    <section className="related-news" aria-labelledby="tin-lien-quan">
      <h2 id="tin-lien-quan">Tin liên quan</h2>
      <ul>
        {articles.map((article) => (
          <li key={article.id}>
            <ArticleCard article={article} variant="compact" />
          </li>
        ))}
      </ul>
    </section>
  );
}
