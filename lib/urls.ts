export function articlePath(article: { id: number; categoryId: number; slug: string }): string {
  return `/news/${article.categoryId}/${article.id}/${article.slug}`;
}

export function categoryPath(categoryId: number, page = 1): string {
  return page > 1 ? `/news/${categoryId}?trang=${page}` : `/news/${categoryId}`;
}

export function keywordPath(slug: string, page = 1): string {
  return page > 1 ? `/tu-khoa/${slug}?trang=${page}` : `/tu-khoa/${slug}`;
}

export function categoryFeedPath(categoryId: number): string {
  return `/news/${categoryId}/rss.xml`;
}

export function authorPath(slug: string, page = 1): string {
  return page > 1 ? `/tac-gia/${slug}?trang=${page}` : `/tac-gia/${slug}`;
}
