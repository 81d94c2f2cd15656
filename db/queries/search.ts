import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { dialectOf, type Db, type PostgresDb, type SqliteDb } from '@/db/engine';
import type { StoredBlock } from '@/lib/content-schema';
import { bodyPlainText } from '@/lib/body-text';
import { toMatchExpression, toTsQuery } from '@/lib/search-query';
import { buildSnippet, type SnippetPart } from '@/lib/snippet';
import { excerpt } from '@/lib/text';
import type { SearchHit } from '@/lib/types';

export const SEARCH_PAGE_SIZE = 20;

export type { SearchHit } from '@/lib/types';

export type SearchResults = { hits: SearchHit[]; total: number; page: number; pageCount: number; matchedAll: boolean };

// Ranked on the index alone (it holds only published articles and their dates), the title weighted most (title
// 10, keywords 6, sapo 4, body 1), ties newest first. A broad query ("thái bình" is in nearly every article)
// ranks its newest WINDOW matches only, so its cost stays bounded on any archive; the total is still exact.
export const RANK_WINDOW = 2000;

type Row = { id: number; categoryId: number; categoryName: string; slug: string; title: string; sapo: string; body: string; publishedAt: number };

/** One engine's full-text search: its query language, ranked ids, match count and the rows of a page. */
type Engine = {
  expression: (terms: string[], mode: 'all' | 'any' | 'phrase') => string | null;
  ranked: (match: string) => Promise<number[]>;
  count: (match: string) => Promise<number>;
  details: (ids: number[]) => Promise<Row[]>;
};

// SQLite: FTS5's bm25 with column weights (title, sapo, body, keywords, published).
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

function sqliteEngine(db: SqliteDb): Engine {
  const sqlite = db.$client;
  return {
    expression: toMatchExpression,
    ranked: async (match) => (sqlite.prepare(RANKED).all(match) as Array<{ id: number }>).map((r) => r.id),
    count: async (match) => (sqlite.prepare(COUNT).get(match) as { n: number }).n,
    details: async (ids) => sqlite.prepare(DETAILS).all(JSON.stringify(ids)) as Row[],
  };
}

// PostgreSQL: ts_rank with weights {D, C, B, A} = body 0.1, sapo 0.4, keywords 0.6, title 1.0 (the same 1:4:6:10).
function postgresEngine(db: PostgresDb): Engine {
  return {
    expression: toTsQuery,
    ranked: async (match) => {
      const { rows } = await db.execute<{ id: number }>(sql`SELECT id FROM (
          SELECT s.article_id AS id, ts_rank('{0.1, 0.4, 0.6, 1.0}', s.document, q) AS score, s.published_at AS published
          FROM article_search s, to_tsquery('simple', ${match}) q
          WHERE s.document @@ q ORDER BY s.article_id DESC LIMIT ${RANK_WINDOW}) AS window_
        ORDER BY score DESC, published DESC`);
      return rows.map((r) => r.id);
    },
    count: async (match) => {
      const { rows } = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM article_search WHERE document @@ to_tsquery('simple', ${match})`);
      return rows[0]!.n;
    },
    details: async (ids) => {
      const { rows } = await db.execute<Row>(sql`SELECT a.id, a.category_id AS "categoryId", c.name AS "categoryName", a.slug, a.title, a.sapo,
          a.body::text AS body, extract(epoch FROM a.published_at)::float8 AS "publishedAt"
        FROM articles a JOIN categories c ON c.id = a.category_id
        WHERE a.id = ANY(${`{${ids.join(',')}}`}::int[]) AND a.status = 'published'`);
      return rows;
    },
  };
}

function engineOf(db: Db): Engine {
  const own = dialectOf(db);
  return own.dialect === 'postgres' ? postgresEngine(own.db) : sqliteEngine(own.db);
}

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
async function rankedIds(engine: Engine, terms: string[]): Promise<{ ids: number[]; total: number; matchedAll: boolean }> {
  const all = engine.expression(terms, 'all');
  if (!all) return { ids: [], total: 0, matchedAll: true };
  const total = await engine.count(all);
  if (total > 0) {
    if (terms.length < 2) return { ids: await engine.ranked(all), total, matchedAll: true };
    const phrase = await engine.ranked(engine.expression(terms, 'phrase')!);
    const inPhrase = new Set(phrase);
    return { ids: [...phrase, ...(await engine.ranked(all)).filter((id) => !inPhrase.has(id))], total, matchedAll: true };
  }
  if (terms.length < 2) return { ids: [], total: 0, matchedAll: true };
  const any = engine.expression(terms, 'any')!;
  return { ids: await engine.ranked(any), total: await engine.count(any), matchedAll: false };
}

/** Articles matching the folded `terms` (from parseSearchQuery), 20 a page. */
export async function searchArticles({ terms, page }: { terms: string[]; page: number }): Promise<SearchResults> {
  const engine = engineOf(getDb());
  const { ids: ranked, total, matchedAll } = await rankedIds(engine, terms);
  const ids = ranked.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE);
  const byId = new Map((ids.length ? await engine.details(ids) : []).map((row) => [row.id, row]));
  const hits = ids.flatMap((id) => {
    const row = byId.get(id);
    return row
      ? [{ id, categoryId: row.categoryId, categoryName: row.categoryName, slug: row.slug, title: row.title, publishedAt: new Date(row.publishedAt * 1000), snippet: snippetFor(row, terms) }]
      : [];
  });
  // Pages go as far as the ranked window reaches.
  return { hits, total, page, pageCount: Math.ceil(Math.min(total, ranked.length) / SEARCH_PAGE_SIZE), matchedAll };
}
