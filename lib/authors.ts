import { slugify } from '@/lib/vietnamese';

// A byline is one line of text on the article (`Cao Biền`, `Cao Biền - Minh Thu`). Its authors are the names
// between separators, each with a slug made like a keyword's (lib/vietnamese.ts: tones and marks removed, đ as d):
// `/tac-gia/<slug>` is the author's page (docs/decisions/0021-author-pages.md).

export type Author = { slug: string; name: string };

/** A piece of a byline: an author's name, or the text between two names (a separator), kept as written. */
export type BylinePart = { text: string; author: Author | null };

// A dash with white space on both sides (hyphen, en dash, em dash) or a comma: `Cao Biền - Minh Thu`,
// `Cao Biền – Minh Thu`, `Cao Biền, Minh Thu`. A hyphen inside a word is not one.
const SEPARATOR = /(\s+[-–—]\s+|\s*,\s*)/;

/** Author slugs are at most this long (names are at most 200 characters; slugify cuts at a word). */
export const AUTHOR_SLUG_MAX = 120;

/**
 * The byline cut into names and separators, in order: joined back, the parts' texts give the byline exactly (so
 * the page shows what the editor typed). A piece that makes no slug (`!!!`) is text, not an author.
 */
export function parseByline(byline: string): BylinePart[] {
  // split() with a capturing group puts the separators at the odd indexes.
  return byline.split(SEPARATOR).flatMap((piece, index): BylinePart[] => {
    if (index % 2 === 1) return [{ text: piece, author: null }];
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(piece) ?? [];
    const name = core.replace(/\s+/g, ' ').normalize('NFC');
    const slug = slugify(name, AUTHOR_SLUG_MAX);
    const parts: BylinePart[] = [{ text: lead, author: null }, { text: core, author: slug ? { slug, name } : null }, { text: trail, author: null }];
    return parts.filter((part) => part.text !== '');
  });
}

/** The byline's authors in order, one per slug (the first spelling wins); none for no byline. */
export function bylineAuthors(byline: string | null): Author[] {
  const bySlug = new Map<string, Author>();
  for (const { author } of parseByline(byline ?? '')) if (author && !bySlug.has(author.slug)) bySlug.set(author.slug, author);
  return [...bySlug.values()];
}
