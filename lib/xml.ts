/**
 * Text for XML content and attributes: the five special characters escaped, and characters XML 1.0 does
 * not allow (control characters, lone surrogates, U+FFFE/U+FFFF) removed, so the document always parses.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}
