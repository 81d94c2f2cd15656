// Links in article text: absolute http(s) URLs only, as lib/content-schema.ts stores them (a `javascript:` or
// `data:` link, a relative one, a mailto: are refused with a message in the editor and by the server's schema).

/** True for an absolute http:// or https:// URL the URL parser reads the same way. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const LINK_REFUSED = 'Chỉ nhận liên kết đầy đủ bắt đầu bằng http:// hoặc https:// (ví dụ https://thaibinh.gov.vn).';
