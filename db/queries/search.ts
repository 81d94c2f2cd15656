import { getDb } from '@/db/client';
import type { StoredBlock } from '@/lib/content-schema';
import { bodyPlainText } from '@/lib/body-text';
import { toMatchExpression } from '@/lib/search-query';
import { buildSnippet, type SnippetPart } from '@/lib/snippet';
import { excerpt } from '@/lib/text';

export const SEARCH_PAGE_SIZE = 20;

export type SearchHit = {
  id: number;
  categoryId: number;
  categoryName: string;
  slug: string;
  title: string;
  publishedAt: Date;
  snippet: SnippetPart[];
};

export type SearchResults = { hits: SearchHit[]; total: number; page: number; pageCount: number; matchedAll: boolean };

// Ranked on the index alone (it holds only published articles and their dates): bm25 with the title weighted
// most (title, sapo, body, keywords), ties newest first. A broad query ("thái bình" is in nearly every article)
// ranks its newest WINDOW matches only, so its cost stays bounded on any archive; the total is still exact.
export const RANK_WINDOW = 2000;
const RANKED = `SELECT id FROM (
    SELECT rowid AS id, bm25(articles_fts, 10.0, 4.0, 1.0, 6.0, 0.0) AS score, published FROM articles_fts
    WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW})
  ORDER BY score, published DESC`;
const COUNT = `SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?`;
// Starts from the page's ids (CROSS JOIN keeps that order): without statistics SQLite would rather walk every
// published article.
const DETAILS = `SELECT a.id, a.category_id AS categoryId, c.name AS categoryName, a.slug, a.title, a.sapo, a.body,
    a.published_at AS publishedAt
  FROM json_each(?) AS page CROSS JOIN articles a ON a.id = page.value JOIN categories c ON c.id = a.category_id
  WHERE a.status = 'published'`;

type Row = { id: number; categoryId: number; categoryName: string; slug: string; title: string; sapo: string; body: string; publishedAt: number };

function snippetFor(row: Row, terms: string[]): SnippetPart[] {
  return (
    buildSnippet(row.sapo, terms) ??
    buildSnippet(bodyPlainText(JSON.parse(row.body) as StoredBlock[]), terms) ?? [{ text: excerpt(row.sapo), mark: false }]
  );
}

/**
 * Ranked ids: with several terms, those where the terms stand together as a phrase come first (Vietnamese
 * words are runs of syllables, "đồng chí"), then the other articles with every term; if no article has every
 * term, articles with any of them.
 */
function rankedIds(terms: string[]): { ids: number[]; total: number; matchedAll: boolean } {
  const sqlite = getDb().$client;
  const ranked = (match: string) => (sqlite.prepare(RANKED).all(match) as Array<{ id: number }>).map((r) => r.id);
  const count = (match: string) => (sqlite.prepare(COUNT).get(match) as { n: number }).n;
  const all = toMatchExpression(terms, 'all');
  if (!all) return { ids: [], total: 0, matchedAll: true };
  const total = count(all);
  if (total > 0) {
    if (terms.length < 2) return { ids: ranked(all), total, matchedAll: true };
    const phrase = ranked(toMatchExpression(terms, 'phrase')!);
    const inPhrase = new Set(phrase);
    return { ids: [...phrase, ...ranked(all).filter((id) => !inPhrase.has(id))], total, matchedAll: true };
  }
  if (terms.length < 2) return { ids: [], total: 0, matchedAll: true };
  const any = toMatchExpression(terms, 'any')!;
  return { ids: ranked(any), total: count(any), matchedAll: false };
}

/** Articles matching the folded `terms` (from parseSearchQuery), 20 a page. */
export function searchArticles({ terms, page }: { terms: string[]; page: number }): SearchResults {
  const sqlite = getDb().$client;
  const { ids: ranked, total, matchedAll } = rankedIds(terms);
  const ids = ranked.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE);
  const byId = new Map((sqlite.prepare(DETAILS).all(JSON.stringify(ids)) as Row[]).map((row) => [row.id, row]));
  const hits = ids.flatMap((id) => {
    const row = byId.get(id);
    return row
      ? [{ id, categoryId: row.categoryId, categoryName: row.categoryName, slug: row.slug, title: row.title, publishedAt: new Date(row.publishedAt * 1000), snippet: snippetFor(row, terms) }]
      : [];
  });
  // Pages go as far as the ranked window reaches.
  return { hits, total, page, pageCount: Math.ceil(Math.min(total, ranked.length) / SEARCH_PAGE_SIZE), matchedAll };
}
