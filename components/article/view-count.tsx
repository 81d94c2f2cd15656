import { formatViews } from '@/lib/text';

/**
 * The stored view count, as the article page's counter (view-counter.client.tsx) shows it, without counting
 * anything: the newsroom's preview. The counter keeps its own copy of this markup so that the public page's
 * script does not change.
 */
export function ViewCount({ views }: { views: number }) {
  return <span className="article__views">{formatViews(views)}</span>;
}
