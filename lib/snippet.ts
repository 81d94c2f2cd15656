import { isPrefix } from '@/lib/search-query';
import { foldVietnamese } from '@/lib/vietnamese';

export type SnippetPart = { text: string; mark: boolean };

/** The folded form of `text` with, for every folded character, the index of the original one it came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const f = foldVietnamese(char);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** Where the words matching `terms` are in `text` (the last term also as a prefix of a word), as original ranges. */
export function findMatches(text: string, terms: string[]): Array<[number, number]> {
  if (terms.length === 0) return [];
  const { folded, origin } = foldWithMap(text);
  const last = terms[terms.length - 1]!;
  const ranges: Array<[number, number]> = [];
  for (const word of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = word[0];
    if (terms.includes(w) || (isPrefix(last) && w.startsWith(last))) {
      ranges.push([origin[word.index]!, origin[word.index + w.length]!]);
    }
  }
  return ranges;
}

/**
 * A passage of about `maxChars` characters around the first match, cut at word boundaries, split into
 * plain and marked parts (rendered as text and <mark>, never as HTML). Null when nothing in `text` matches.
 */
export function buildSnippet(text: string, terms: string[], maxChars = 220): SnippetPart[] | null {
  const matches = findMatches(text, terms);
  if (matches.length === 0) return null;
  let start = Math.max(0, matches[0]![0] - Math.floor(maxChars / 3));
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;

  const parts: SnippetPart[] = [];
  let at = start;
  for (const [from, to] of matches) {
    if (to <= start || from >= end) continue;
    if (from > at) parts.push({ text: text.slice(at, from), mark: false });
    parts.push({ text: text.slice(Math.max(from, at), Math.min(to, end)), mark: true });
    at = Math.min(to, end);
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  if (start > 0) parts.unshift({ text: '… ', mark: false });
  if (end < text.length) parts.push({ text: ' …', mark: false });
  return parts;
}
