const viNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** `1.234 lượt xem`: thousands grouped with a dot, the Vietnamese way. */
export function formatViews(count: number): string {
  return `${viNumber.format(count)} lượt xem`;
}

/**
 * About 30 Vietnamese words: Vietnamese words are mostly one or two syllables, ~7 characters with the
 * space, so the cut is made at the last word boundary within EXCERPT_MAX_CHARS characters.
 */
export const EXCERPT_MAX_CHARS = 205;

export function excerpt(text: string, maxChars = EXCERPT_MAX_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const kept = (lastSpace > 0 ? cut.slice(0, lastSpace) : clean.slice(0, maxChars)).replace(/[\s,;:.\-–—]+$/, '');
  return `${kept}...`;
}

/** Cut a description at a word boundary to at most `maxChars` characters, ending with an ellipsis if cut. */
export function truncateAtWord(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
}
