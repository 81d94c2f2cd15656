// JSON responses for the API: never cached, errors as {"error": "..."}.
const NO_STORE = { 'Cache-Control': 'no-store' };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function jsonError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json({ error: message }, status, headers);
}

/** A handler for every method a route does not support: 405 with the allowed ones. */
export function methodNotAllowed(allow: string) {
  return () => jsonError(405, `Phương thức không được hỗ trợ. Dùng: ${allow}.`, { Allow: allow });
}

/**
 * True when the request body is larger than `maxBytes`, judged by Content-Length or, for a chunked body,
 * by reading at most `maxBytes + 1` bytes of it.
 */
export async function bodyExceeds(request: Request, maxBytes: number): Promise<boolean> {
  const declared = request.headers.get('content-length');
  if (declared !== null) return Number(declared) > maxBytes;
  // HTTP/1.1: without Content-Length or Transfer-Encoding a request has no body at all.
  if (!request.body || !request.headers.get('transfer-encoding')) return false;
  const reader = request.body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      size += value.byteLength;
      if (size > maxBytes) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** Seconds a client is asked to wait before retrying a write the database could not take. */
export const STORAGE_RETRY_AFTER_S = 30;

/**
 * 503 for a write (or read) the database cannot take right now — read-only, disk full, locked past
 * busy_timeout, an I/O error — with one log line naming the request and SQLite's code. Never a 500: nothing
 * is wrong with the request.
 */
export function storageUnavailable(what: string, code: string): Response {
  console.error(`[storage] ${what}: database unavailable (${code})`);
  return jsonError(503, 'Cơ sở dữ liệu tạm thời không sẵn sàng, vui lòng thử lại sau.', { 'Retry-After': String(STORAGE_RETRY_AFTER_S) });
}
