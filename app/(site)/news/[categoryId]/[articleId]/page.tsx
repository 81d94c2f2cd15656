import { notFound, permanentRedirect } from 'next/navigation';
import { loadArticlePage } from '@/db/cached/pages';
import { parseId } from '@/lib/ids';
import { articlePath } from '@/lib/urls';

export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

/** `/news/<category>/<id>` without a slug: send readers and crawlers to the canonical URL. */
export default async function ArticleWithoutSlug({ params }: PageProps<'/news/[categoryId]/[articleId]'>) {
  const id = parseId((await params).articleId);
  const data = id === null ? null : await loadArticlePage(id);
  if (!data) notFound();
  permanentRedirect(articlePath(data.article));
}
