import { notFound, permanentRedirect } from 'next/navigation';
import { getArticleLocation } from '@/db/queries/articles';
import { parseId } from '@/lib/ids';
import { articlePath } from '@/lib/urls';

/** `/news/<category>/<id>` without a slug: send readers and crawlers to the canonical URL. */
export default async function ArticleWithoutSlug({ params }: PageProps<'/news/[categoryId]/[articleId]'>) {
  const id = parseId((await params).articleId);
  const location = id === null ? null : getArticleLocation(id);
  if (!location) notFound();
  permanentRedirect(articlePath(location));
}
