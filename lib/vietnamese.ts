// Vietnamese text folding: the base of slugs and (later) accent-insensitive search.
// Ð (U+00D0, Icelandic eth) appears in real Vietnamese text in place of Đ (U+0110).
const D_VARIANTS = /[đĐÐð]/g;

/** Lowercase, tones and marks removed, every form of đ/Đ/Ð turned into d. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(D_VARIANTS, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/** URL slug from a Vietnamese title: `Tham mưu triển khai` -> `tham-muu-trien-khai`. */
export function slugify(text: string, maxLength = 120): string {
  const slug = foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}
