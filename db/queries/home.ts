import { eq } from 'drizzle-orm';
import { articles } from '@/db/schema';
import { listCategories, type Category } from '@/db/queries/categories';
import { listLatestArticles } from '@/db/queries/listings';
import { selectTeasers, type ArticleTeaser } from '@/db/queries/teasers';

export type HomeSection = { category: Category; articles: ArticleTeaser[] };

/** The home page: the latest articles, then a block of the newest in each category that has any. */
export async function getHomePage({ latest = 9, perCategory = 4 } = {}): Promise<{ latest: ArticleTeaser[]; sections: HomeSection[] }> {
  const sections: HomeSection[] = [];
  for (const category of await listCategories()) {
    const items = await selectTeasers({ where: eq(articles.categoryId, category.id), limit: perCategory });
    if (items.length > 0) sections.push({ category, articles: items });
  }
  return { latest: await listLatestArticles(latest), sections };
}
