import { foldVietnamese } from '@/lib/vietnamese';

export const QUERY_MAX_CHARS = 200;
const MAX_TERMS = 12;

export type SearchTerms = {
  /** What the reader typed, cut to 200 characters and cleaned of control characters (for display). */
  text: string;
  /** Folded words, e.g. `hoi nghi` for `Hội nghị`. */
  terms: string[];
};

/** Cleans and folds a query. Anything can come in; only letters and digits go out. */
export function parseSearchQuery(input: string | string[] | undefined): SearchTerms {
  const raw = Array.isArray(input) ? (input[0] ?? '') : (input ?? '');
  const chars = [...raw.normalize('NFC').replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/gu, ' ')];
  let kept = chars.slice(0, QUERY_MAX_CHARS).join('');
  // Cut at a word boundary: half a word would search for something else.
  if (chars.length > QUERY_MAX_CHARS && /[\p{L}\p{N}]/u.test(chars[QUERY_MAX_CHARS]!)) kept = kept.replace(/[\p{L}\p{N}]+$/u, '');
  const text = kept.replace(/\s+/g, ' ').trim();
  const terms = [...new Set(foldVietnamese(text).match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, MAX_TERMS);
  return { text, terms };
}

/** The last word also matches longer words ("ngh" finds "nghị") once it has 3 letters: shorter is too broad. */
export const isPrefix = (term: string) => term.length >= 3;

/**
 * An FTS5 MATCH expression: every term quoted (so `OR`, `NEAR`, `*`, `:` and quotes typed by the reader are
 * plain words), the last one also as a prefix while the reader may still be typing it.
 */
export function toMatchExpression(terms: string[], mode: 'all' | 'any' | 'phrase' = 'all'): string | null {
  if (terms.length === 0) return null;
  // Vietnamese words are runs of syllables ("đồng chí"), so the terms in a row rank first.
  if (mode === 'phrase') return `"${terms.join(' ')}"${isPrefix(terms.at(-1)!) ? '*' : ''}`;
  const quoted = terms.map((term, i) => (i === terms.length - 1 && isPrefix(term) ? `"${term}"*` : `"${term}"`));
  return quoted.join(mode === 'all' ? ' ' : ' OR ');
}

/**
 * The same query for PostgreSQL's full-text search (to_tsquery with the `simple` configuration, over text folded
 * and split as below): every term quoted, the last one also as a prefix (`:*`), phrase terms in a row (`<->`).
 * Terms hold only letters and digits (parseSearchQuery), so nothing typed can become an operator.
 */
export function toTsQuery(terms: string[], mode: 'all' | 'any' | 'phrase' = 'all'): string | null {
  if (terms.length === 0) return null;
  const quoted = terms.map((term, i) => `'${term}'${i === terms.length - 1 && isPrefix(term) ? ':*' : ''}`);
  return quoted.join(mode === 'all' ? ' & ' : mode === 'any' ? ' | ' : ' <-> ');
}

/**
 * Folded text as PostgreSQL should index it: words are runs of letters and digits, as SQLite's FTS5 tokenizer
 * and parseSearchQuery see them (PostgreSQL's parser alone would keep `1.5` or `covid-19` whole).
 */
export function toSearchableText(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
