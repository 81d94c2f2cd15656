import { eq } from 'drizzle-orm';
import { articles } from '@/db/schema';
import { listCategories, type Category } from '@/db/queries/categories';
import { listLatestArticles } from '@/db/queries/listings';
import { selectTeasers, type ArticleTeaser } from '@/db/queries/teasers';

export type HomeSection = { category: Category; articles: ArticleTeaser[] };

/** The home page: the latest articles, then a block of the newest in each category that has any. */
export function getHomePage({ latest = 9, perCategory = 4 } = {}): { latest: ArticleTeaser[]; sections: HomeSection[] } {
  const sections = listCategories()
    .map((category) => ({
      category,
      articles: selectTeasers({ where: eq(articles.categoryId, category.id), limit: perCategory }),
    }))
    .filter((section) => section.articles.length > 0);
  return { latest: listLatestArticles(latest), sections };
}
