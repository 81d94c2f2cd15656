// The newsroom route handlers' answers. Their Cache-Control, X-Robots-Tag and Referrer-Policy are set by
// server.mjs for every /toa-soan response (server/newsroom.mjs); `no-store` here covers `npm run dev`.

const NO_STORE = { 'Cache-Control': 'private, no-store' };

/** 303 to a page of this site (after a form post: the browser then GETs it), setting cookies if given. */
export function seeOther(location: string, setCookie: string[] = []): Response {
  const headers = new Headers({ ...NO_STORE, Location: location });
  for (const cookie of setCookie) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}

function page(status: number, title: string, text: string, headers: Record<string, string> = {}): Response {
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const body =
    `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><p>${escape(text)}</p>` +
    `<p><a href="/toa-soan/dang-nhap">Về trang đăng nhập</a></p></body></html>`;
  return new Response(body, { status, headers: { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8', ...headers } });
}

/**
 * A page shown once, as the answer to the form post that made what it shows (a one-time password, backup
 * codes): nothing of it is stored in clear, so it cannot be shown again. `private, no-store` keeps it out of every
 * cache and the browser's history cache; the page has no script and links on to `next`.
 */
export function shownOnce(shown: { title: string; lead: string; secrets: string[]; next: { href: string; label: string } }): Response {
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const items = shown.secrets.map((secret) => `<li><code>${escape(secret)}</code></li>`).join('');
  const body =
    `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<meta name="robots" content="noindex, nofollow"><title>${escape(shown.title)}</title></head><body><main>` +
    `<h1>${escape(shown.title)}</h1><p>${escape(shown.lead)}</p><ul data-testid="shown-once">${items}</ul>` +
    `<p>Trang này chỉ hiện một lần: hãy ghi lại ngay.</p><p><a href="${escape(shown.next.href)}">${escape(shown.next.label)}</a></p>` +
    `</main></body></html>`;
  return new Response(body, { status: 200, headers: { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8' } });
}

export function crossSiteRefused(): Response {
  return page(403, 'Yêu cầu bị từ chối', 'Yêu cầu không đến từ trang của tòa soạn nên không được thực hiện.');
}

export function notAllowed(): Response {
  return page(403, 'Không có quyền', 'Tài khoản của bạn không có quyền thực hiện việc này.');
}

export function tooManyAttempts(retryAfterSeconds: number): Response {
  return page(429, 'Quá nhiều lần thử', `Có quá nhiều lần đăng nhập từ địa chỉ này. Hãy thử lại sau ${retryAfterSeconds} giây.`, {
    'Retry-After': String(retryAfterSeconds),
  });
}

export function badForm(): Response {
  return page(400, 'Yêu cầu không hợp lệ', 'Biểu mẫu gửi lên không đọc được.');
}

/** The body of at most `maxBytes` (a longer one is not read further), or null. */
async function readBounded(request: Request, maxBytes: number): Promise<Buffer | null> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes || !request.body) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The fields of an `application/x-www-form-urlencoded` body of at most `maxBytes`, or null for anything else
 * (another type, too long, unreadable). The newsroom's forms are small; nothing bigger is read.
 */
export async function readForm(request: Request, maxBytes = 8192): Promise<URLSearchParams | null> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return null;
  const body = await readBounded(request, maxBytes);
  return body ? new URLSearchParams(body.toString('utf8')) : null;
}

/** An `application/json` body of at most `maxBytes`, parsed, or undefined for anything else. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) return undefined;
  const body = await readBounded(request, maxBytes);
  if (!body) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** A JSON answer of a newsroom route handler (never cached). */
export function jsonAnswer(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: NO_STORE });
}
