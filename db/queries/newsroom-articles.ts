import { and, count, desc, eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { postgresPool } from '@/db/engine';
import { articleAuthors, articles, categories, staffUsers } from '@/db/schema';
import {
  articleVisibility,
  MY_ARTICLES_LIMIT,
  NEWSROOM_PAGE_SIZE,
  titleSearchPattern,
  type NewsroomArticleFilters,
  type NewsroomArticlePage,
  type NewsroomArticleRow,
  type NewsroomViewer,
} from '@/lib/newsroom-articles';
import { articlePath } from '@/lib/urls';

export type { NewsroomArticlePage, NewsroomArticleRow, NewsroomViewer } from '@/lib/newsroom-articles';

// The newsroom's article list (/toa-soan, issue #17): every article the viewer may see (canSeeArticle, as SQL),
// newest change first, with the list's filters; and the viewer's own articles. Under 100 ms on 100,000 articles
// on SQLite (npm run bench:queries; plans checked by query-plans.sqlite.test.ts), in one of two ways:
// - walk: with at most one of a status, a category or a reporter's "own or in my categories" (and no title search
//   or author), the planner reads the index of that filter (articles_updated_idx, _status_updated_idx,
//   _category_updated_idx; _created_by_updated_idx and _category_updated_idx for a reporter), in the list's order
//   where it can, and stops after the page;
// - scan: anything else (a title search: LIKE '%…%', which no index can seek; an author; two of those filters at
//   once) reads a small index that holds every column the filters read (articles_title_folded_idx; for an author,
//   whose ids come from article_authors, any that holds updated_at) instead of the article rows with their bodies,
//   then counts and sorts the matches in one statement. On SQLite a unary `+` keeps the planner off the filters'
//   own indexes: looking up thousands of matches' rows one by one looks cheaper to it, and is five to ten times slower.

type Query = { viewer: NewsroomViewer; page: number } & NewsroomArticleFilters;
type Plan = 'walk' | 'scan';

/** The filters as SQL, for `plan`; null when the viewer may see nothing at all. */
function conditions(query: Query, plan: Plan): SQL[] | null {
  // `+column`: SQLite's way of saying "not through an index" (PostgreSQL has no unary + for text, nor needs it).
  const bypass = plan === 'scan' && !postgresPool(getDb());
  const col = (column: SQLWrapper): SQLWrapper => (bypass ? sql`+${column}` : column);
  const visibility = articleVisibility(query.viewer);
  if (visibility.kind === 'none') return null;
  const where: SQL[] = [];
  if (visibility.kind === 'own-and-categories') {
    const own = eq(col(articles.createdBy), visibility.createdBy);
    where.push(visibility.categoryIds.length ? or(own, inArray(col(articles.categoryId), [...visibility.categoryIds]))! : own);
  }
  const pattern = query.q ? titleSearchPattern(query.q) : null;
  if (pattern) where.push(sql`${articles.titleFolded} LIKE ${pattern} ESCAPE '\\'`);
  if (query.status) where.push(eq(col(articles.status), query.status));
  if (query.categoryId !== undefined) where.push(eq(col(articles.categoryId), query.categoryId));
  if (query.author) {
    const byAuthor = getDb().select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.authorSlug, query.author));
    where.push(inArray(col(articles.id), byAuthor));
  }
  return where;
}

function planFor(query: Query): Plan {
  if ((query.q && titleSearchPattern(query.q)) || query.author) return 'scan';
  const restricted = articleVisibility(query.viewer).kind === 'own-and-categories';
  return [restricted, query.status !== undefined, query.categoryId !== undefined].filter(Boolean).length <= 1 ? 'walk' : 'scan';
}

const rowColumns = {
  id: articles.id,
  title: articles.title,
  slug: articles.slug,
  status: articles.status,
  categoryId: articles.categoryId,
  categoryName: categories.name,
  byline: articles.byline,
  updatedAt: articles.updatedAt,
  updatedByName: staffUsers.name,
  version: articles.version,
};

type Selected = { id: number; title: string; slug: string; status: 'draft' | 'published' } & Omit<NewsroomArticleRow, 'id' | 'title' | 'status' | 'publicPath'>;

function toRow({ slug, ...row }: Selected): NewsroomArticleRow {
  return { ...row, publicPath: row.status === 'published' ? articlePath({ id: row.id, categoryId: row.categoryId, slug }) : null };
}

const newestChangeFirst = [desc(articles.updatedAt), desc(articles.id)];

/** The articles `ids` (a list, or a query of one column), with their category's and last saver's names, newest change first. */
async function readRows(ids: number[] | SQLWrapper): Promise<NewsroomArticleRow[]> {
  const rows = await getDb()
    .select(rowColumns)
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .leftJoin(staffUsers, eq(staffUsers.id, articles.updatedBy))
    .where(inArray(articles.id, ids))
    .orderBy(...newestChangeFirst);
  return rows.map(toRow);
}

/** What the filters match: how many, and the ids of one page of them (the last when `page` is past it), in order. */
type Matches = { total: number; ids: number[]; page: number };

const lastPage = (total: number) => Math.max(1, Math.ceil(total / NEWSROOM_PAGE_SIZE));

async function countMatches(where: SQL[]): Promise<number> {
  const [row] = await getDb().select({ total: count() }).from(articles).where(and(...where));
  return row?.total ?? 0;
}

/** The walk: the count (from the same index), then the page in index order. */
async function walkMatches(where: SQL[], page: number): Promise<Matches> {
  const total = await countMatches(where);
  page = Math.min(page, lastPage(total));
  if (total === 0) return { total, ids: [], page };
  const rows = await getDb()
    .select({ id: articles.id })
    .from(articles)
    .where(and(...where))
    .orderBy(...newestChangeFirst)
    .limit(NEWSROOM_PAGE_SIZE)
    .offset((page - 1) * NEWSROOM_PAGE_SIZE);
  return { total, ids: rows.map((r) => r.id), page };
}

/**
 * The scan: every match is found and sorted anyway, so one statement also counts them (count(*) OVER ()). A page
 * past the last has no row to carry the count: it is counted apart, and the last page read instead.
 */
async function scanMatches(where: SQL[], page: number): Promise<Matches> {
  const read = (p: number) =>
    getDb()
      .select({ id: articles.id, total: sql<number>`count(*) OVER ()`.mapWith(Number) })
      .from(articles)
      .where(and(...where))
      .orderBy(...newestChangeFirst)
      .limit(NEWSROOM_PAGE_SIZE)
      .offset((p - 1) * NEWSROOM_PAGE_SIZE);
  let rows = await read(page);
  if (rows.length === 0 && page > 1) {
    const total = await countMatches(where);
    page = lastPage(total);
    rows = total > 0 ? await read(page) : [];
  }
  return { total: rows[0]?.total ?? 0, ids: rows.map((r) => r.id), page };
}

/**
 * One page (NEWSROOM_PAGE_SIZE) of the articles `viewer` may see that pass every filter given, newest change first
 * (updated_at, then id, descending), with how many there are. A page past the last gives the last.
 */
export async function listNewsroomArticles(query: Query): Promise<NewsroomArticlePage> {
  const plan = planFor(query);
  const where = conditions(query, plan);
  if (!where) return { items: [], total: 0, page: 1, pageCount: 1 };
  const wanted = Math.max(1, Math.trunc(query.page) || 1);
  const { total, ids, page } = plan === 'scan' ? await scanMatches(where, wanted) : await walkMatches(where, wanted);
  return { items: ids.length ? await readRows(ids) : [], total, page, pageCount: lastPage(total) };
}

/** The newest changed of the articles `viewer` made (created_by), for "Bài của tôi"; none for a role that writes none. */
export async function listMyArticles(viewer: NewsroomViewer, limit = MY_ARTICLES_LIMIT): Promise<NewsroomArticleRow[]> {
  if (articleVisibility(viewer).kind === 'none') return [];
  const db = getDb();
  const ids = db.select({ id: articles.id }).from(articles).where(eq(articles.createdBy, viewer.id)).orderBy(...newestChangeFirst).limit(limit);
  return readRows(ids);
}
