import { z } from 'zod';
import { AUTHOR_SLUG_MAX } from '@/lib/authors';
import { parseId, parsePageParam } from '@/lib/ids';
import { canWriteArticles } from '@/lib/newsroom-permissions';
import type { StaffRole } from '@/lib/staff-roles';
import { foldVietnamese, slugify } from '@/lib/vietnamese';

// The newsroom's article list at /toa-soan (issue #17): what the query returns, the filters its GET form sends and
// how they are read back from the URL. The query is db/queries/newsroom-articles.ts, the page app/toa-soan/page.tsx.

export const ARTICLE_LIST_PATH = '/toa-soan';
export const NEW_ARTICLE_PATH = '/toa-soan/bai-viet/moi';
export const articleEditPath = (id: number) => `/toa-soan/bai-viet/${id}`;

export const NEWSROOM_PAGE_SIZE = 20;
export const MY_ARTICLES_LIMIT = 10;

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = { draft: 'Nháp', published: 'Đã xuất bản' };

/** Who is looking: the signed-in member of staff, as the article permissions see them. */
export type NewsroomViewer = { id: string; role: StaffRole; categoryIds: readonly number[] };

/**
 * Which articles a viewer may see, as data a query can turn into SQL: lib/newsroom-permissions.ts canSeeArticle
 * spelled out (nothing; everything; or their own plus their categories'). newsroom-articles.test.ts checks that the two agree.
 */
export type ArticleVisibility = { kind: 'none' } | { kind: 'all' } | { kind: 'own-and-categories'; createdBy: string; categoryIds: readonly number[] };

export function articleVisibility(viewer: NewsroomViewer): ArticleVisibility {
  if (!canWriteArticles(viewer)) return { kind: 'none' };
  if (viewer.role === 'lanh-dao') return { kind: 'all' };
  return { kind: 'own-and-categories', createdBy: viewer.id, categoryIds: viewer.categoryIds };
}

/** One line of the list. `publicPath` is the article's address on the public site, when it is published. */
export type NewsroomArticleRow = {
  id: number;
  title: string;
  status: ArticleStatus;
  categoryId: number;
  categoryName: string;
  byline: string | null;
  updatedAt: Date;
  /** The staff member who saved it last (null for imported articles, or an account since removed). */
  updatedByName: string | null;
  version: number;
  publicPath: string | null;
};

export type NewsroomArticlePage = { items: NewsroomArticleRow[]; total: number; page: number; pageCount: number };

/** The list's filters, checked: each one present is applied, together (AND). */
export type NewsroomArticleFilters = {
  status?: ArticleStatus;
  categoryId?: number;
  /** A byline author's slug (lib/authors.ts). */
  author?: string;
  /** Title search, as typed; the query folds it (`thai binh` finds `Thái Bình`). */
  q?: string;
};

/** The query string's names (the form's fields), Vietnamese like the rest of the newsroom's URLs. */
export const LIST_PARAMS = { q: 'q', status: 'trang-thai', categoryId: 'chuyen-muc', author: 'tac-gia', page: 'trang' } as const;
// The status as it appears in the URL.
const STATUS_PARAM: Record<ArticleStatus, string> = { draft: 'nhap', published: 'da-xuat-ban' };

export const MAX_QUERY_LENGTH = 200;

type QueryString = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const text = z.string().trim().max(MAX_QUERY_LENGTH).catch('');

/**
 * The filters and page of a list URL. Anything not understood (an unknown status, `chuyen-muc=abc`, `trang=-1`, a
 * repeated or overlong field) is dropped, never an error. `authorText` is what the form shows back in its field.
 */
export function readArticleListParams(query: QueryString): { filters: NewsroomArticleFilters; page: number; authorText: string } {
  const q = text.parse(first(query[LIST_PARAMS.q]) ?? '');
  const statusParam = first(query[LIST_PARAMS.status]);
  const status = ARTICLE_STATUSES.find((s) => STATUS_PARAM[s] === statusParam);
  const categoryId = parseId(first(query[LIST_PARAMS.categoryId])) ?? undefined;
  const authorText = text.parse(first(query[LIST_PARAMS.author]) ?? '');
  // A name as typed (`Cao Biền`, `cao bien`) or a slug (`cao-bien`): both give the slug.
  const author = slugify(authorText, AUTHOR_SLUG_MAX);
  const page = parsePageParam(first(query[LIST_PARAMS.page])) ?? 1;
  const filters = { ...(q && { q }), ...(status && { status }), ...(categoryId && { categoryId }), ...(author && { author }) };
  // A name that makes no slug (`!!!`) filters nothing, and is not shown back as if it did.
  return { filters, page, authorText: author ? authorText : '' };
}

/** The list's URL for these filters and page (`authorText` as typed, read back by readArticleListParams). */
export function articleListHref(filters: Omit<NewsroomArticleFilters, 'author'> & { authorText?: string }, page = 1): string {
  const params = new URLSearchParams();
  if (filters.q) params.set(LIST_PARAMS.q, filters.q);
  if (filters.status) params.set(LIST_PARAMS.status, STATUS_PARAM[filters.status]);
  if (filters.categoryId) params.set(LIST_PARAMS.categoryId, String(filters.categoryId));
  if (filters.authorText) params.set(LIST_PARAMS.author, filters.authorText);
  if (page > 1) params.set(LIST_PARAMS.page, String(page));
  const search = params.toString();
  return search ? `${ARTICLE_LIST_PATH}?${search}` : ARTICLE_LIST_PATH;
}

/** The status options of the form: value in the URL, label on screen. */
export const STATUS_OPTIONS = ARTICLE_STATUSES.map((status) => ({ value: STATUS_PARAM[status], label: ARTICLE_STATUS_LABELS[status] }));
export const statusParam = (status: ArticleStatus | undefined) => (status ? STATUS_PARAM[status] : '');

/**
 * The LIKE pattern of a title search: the text folded as titles are (articles.title_folded), white space collapsed,
 * `%`, `_` and the escape character itself escaped (the query says ESCAPE '\'), so they match only themselves.
 * Null when nothing is left to search for.
 */
export function titleSearchPattern(q: string): string | null {
  const folded = foldVietnamese(q).replace(/\s+/g, ' ').trim();
  if (!folded) return null;
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
