import { formatViews } from '@/lib/text';

/** The view count as the article page shows it, without counting anything (the counter is view-counter.client.tsx). */
export function ViewCount({ views }: { views: number }) {
  return <span className="article__views">{formatViews(views)}</span>;
}
