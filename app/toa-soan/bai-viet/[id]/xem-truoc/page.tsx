import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { cache } from 'react';
import { ArticleView } from '@/components/article/article-view';
import { PreviewBanner } from '@/components/newsroom/preview-banner';
import { ViewCount } from '@/components/article/view-count';
import { loadMostRead } from '@/db/cached/pages';
import { getArticlePreview } from '@/db/queries/articles';
import { listRelatedArticles } from '@/db/queries/related';
import { getEnv } from '@/env';
import { parseId } from '@/lib/ids';
import { canSeeArticle, canWriteArticles } from '@/lib/newsroom-permissions';
import { absoluteUrl } from '@/lib/seo/metadata';
import { articlePath } from '@/lib/urls';
import { requireStaffPage } from '../../../access';

// The article, draft or published, exactly as its public page shows it (the same ArticleView), under a banner.
// Like every newsroom page it is rendered per request and never cached (`private, no-store` from server.mjs) nor
// indexed (the layout's robots meta and server.mjs's X-Robots-Tag); it shows the stored view count and counts no view.

type Props = PageProps<'/toa-soan/bai-viet/[id]/xem-truoc'>;

/** The article, if the signed-in user may see it (otherwise the sign-in redirect, the 404 or the 403); once a request. */
const loadPreview = cache(async (idParam: string) => {
  const session = await requireStaffPage(canWriteArticles);
  const id = parseId(idParam);
  const preview = id === null ? null : await getArticlePreview(id);
  if (!preview) notFound();
  if (!canSeeArticle(session.user, preview.facts)) forbidden();
  return preview;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { detail } = await loadPreview((await params).id);
  return { title: `Xem trước: ${detail.title}` };
}

export default async function ArticlePreviewPage({ params }: Props) {
  const { detail, facts } = await loadPreview((await params).id);
  // Read now rather than from the public page's cache: a draft has no cached page, and an edit shows at once.
  const [related, mostRead] = await Promise.all([listRelatedArticles(detail), loadMostRead()]);
  return (
    <>
      <PreviewBanner status={facts.status} editHref={`/toa-soan/bai-viet/${detail.id}`} publicHref={articlePath(detail)} />
      <ArticleView
        article={detail}
        related={related}
        mostRead={mostRead}
        url={absoluteUrl(getEnv().siteUrl, articlePath(detail))}
        viewCounter={<ViewCount views={detail.views} />}
      />
    </>
  );
}
