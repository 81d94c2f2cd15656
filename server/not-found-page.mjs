// Next 16 sends the 404 of a page that calls notFound() (an unknown article, a listing page past the end) as an
// empty document, `<html id="__next_error__">`, whose content is only in the React payload: blank without
// JavaScript (vercel/next.js#62228). A URL that matches no route gets the full not-found page. server.mjs sends
// that full page in place of the empty one, keeping the 404 status and headers
// (docs/decisions/0012-bad-requests.md). Under /toa-soan it sends the same page without its scripts: they carry no
// nonce, and the newsroom's policy would refuse them (docs/decisions/0028-newsroom-csp.md).
import zlib from 'node:zlib';

const ERROR_SHELL = '<html id="__next_error__"';
const SHELL_PROBE_BYTES = 512;
// The routes whose pages call notFound(). Other URLs never carry the empty document, so they are not wrapped.
const PREFIXES = ['/news/', '/tu-khoa/', '/tac-gia/', '/tim-kiem', '/toa-soan/'];

/** Codecs by Content-Encoding: the body arrives compressed when Next's compression has run. */
const CODECS = {
  identity: { decode: (b) => b, encode: (b) => b },
  gzip: { decode: zlib.gunzipSync, encode: zlib.gzipSync },
  deflate: { decode: zlib.inflateSync, encode: zlib.deflateSync },
  br: { decode: zlib.brotliDecompressSync, encode: zlib.brotliCompressSync },
};

/**
 * Whether a request may receive the empty document: a GET or HEAD of a page that can call notFound(), other than the
 * React payload the client router asks for with an `RSC` header (an `_rsc` query alone still gets HTML).
 * @param {import('node:http').IncomingMessage} req
 * @param {string} target the request target in origin form
 */
export function mayGetErrorShell(req, target) {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.rsc !== undefined) return false;
  return PREFIXES.some((prefix) => target.startsWith(prefix));
}

/**
 * The full not-found page, loaded with `load` and kept for `ttlMs` (it shows the category menu, which may change).
 * Concurrent callers share one load; a failed load answers the last good page, or null.
 * @param {() => Promise<Buffer>} load
 * @returns {() => Promise<Buffer | null>}
 */
export function createNotFoundPage(load, ttlMs = 10_000) {
  /** @type {Buffer | null} */
  let page = null;
  let loadedAt = 0;
  /** @type {Promise<Buffer | null> | null} */
  let loading = null;
  return () => {
    if (page && Date.now() - loadedAt < ttlMs) return Promise.resolve(page);
    loading ??= load()
      .then(
        (body) => {
          page = body;
          loadedAt = Date.now();
          return body;
        },
        (error) => {
          console.error(`> not-found page unavailable: ${error.message}`);
          return page;
        },
      )
      .finally(() => (loading = null));
    return loading;
  };
}

/**
 * `page` without its script elements and script preloads. Next escapes `</script` inside the inline scripts it writes
 * (`\u003c`), so each script element ends at its own end tag.
 * @param {Buffer} page
 */
export function withoutScripts(page) {
  const html = page.toString('utf8').replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<link\b[^>]*\bas="script"[^>]*>/gi, '');
  return Buffer.from(html);
}

/**
 * The not-found page of `notFoundPage` without its scripts (the newsroom's), made again only when that page changes.
 * @param {() => Promise<Buffer | null>} notFoundPage
 * @returns {() => Promise<Buffer | null>}
 */
export function scriptFree(notFoundPage) {
  /** @type {Buffer | null} */
  let from = null;
  /** @type {Buffer | null} */
  let page = null;
  return async () => {
    const full = await notFoundPage();
    if (full !== from) [from, page] = [full, full && withoutScripts(full)];
    return page;
  };
}

/**
 * Holds back a 404 text/html response and, if its body is the empty error document, sends the full not-found page
 * instead (in the same Content-Encoding, with its own length and without the ETag of the other body). Every other
 * response goes through untouched. Must wrap `res` before Next's handler, which adds its compression on top.
 * `forbiddenPage`: the same for a 403 (the newsroom's forbidden(), which Next sends as the same empty document).
 * @param {import('node:http').ServerResponse} res
 * @param {() => Promise<Buffer | null>} notFoundPage
 * @param {(() => Promise<Buffer | null>) | null} [forbiddenPage]
 */
export function replaceErrorShell(res, notFoundPage, forbiddenPage = null) {
  const { writeHead, write, end } = res;
  /** @type {'undecided' | 'pass' | 'hold'} */
  let mode = 'undecided';
  /** @type {Buffer[]} */
  const held = [];
  const decide = (status) => {
    if (mode !== 'undecided') return;
    const type = String(res.getHeader('content-type') ?? '');
    const replaced = status === 404 || (status === 403 && forbiddenPage !== null);
    mode = replaced && type.startsWith('text/html') ? 'hold' : 'pass';
  };
  const hold = (chunk, encoding) => {
    if (chunk !== undefined && chunk !== null) held.push(Buffer.from(chunk, typeof encoding === 'string' ? encoding : undefined));
  };

  res.writeHead = function (status, ...rest) {
    // Headers given here rather than set before could not be inspected: let such a response through.
    if (mode === 'undecided' && rest.some((arg) => typeof arg === 'object' && arg !== null)) mode = 'pass';
    decide(status);
    if (mode === 'pass') return writeHead.call(this, status, ...rest);
    res.statusCode = status;
    return res;
  };
  res.write = function (chunk, encoding, callback) {
    decide(res.statusCode);
    if (mode === 'pass') return write.call(this, chunk, encoding, callback);
    hold(chunk, encoding);
    (typeof encoding === 'function' ? encoding : callback)?.();
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    decide(res.statusCode);
    if (mode === 'pass') return end.call(this, chunk, encoding, callback);
    if (typeof chunk === 'function') [chunk, callback] = [undefined, chunk];
    else if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding];
    hold(chunk, encoding);
    const answer = res.req?.method === 'HEAD' ? fullPageForHead() : fullPageFor(Buffer.concat(held));
    void answer.then((page) => {
      const body = page ?? Buffer.concat(held);
      if (page) res.removeHeader('etag');
      // A HEAD that cannot be answered with the full page keeps the length Next set.
      if (page || res.req?.method !== 'HEAD') res.setHeader('content-length', body.length);
      mode = 'pass';
      end.call(res, body, callback);
    });
    return res;
  };

  const codec = () => CODECS[String(res.getHeader('content-encoding') ?? 'identity').toLowerCase()];

  /** The full page, encoded like `body`, when `body` is the empty error document; otherwise null. */
  async function fullPageFor(body) {
    try {
      if (!codec()?.decode(body).subarray(0, SHELL_PROBE_BYTES).toString('latin1').includes(ERROR_SHELL)) return null;
      return await encodedFullPage();
    } catch {
      return null;
    }
  }

  /**
   * A HEAD carries no body to look at. On these routes a 404 page is either the empty document or the full page
   * itself (a path no route matches): the full page unless the length Next declared is already the full page's.
   */
  async function fullPageForHead() {
    const page = await encodedFullPage();
    return page && Number(res.getHeader('content-length')) !== page.length ? page : null;
  }

  /** The full page in the response's Content-Encoding, or null. */
  async function encodedFullPage() {
    const encoding = codec();
    if (!encoding) return null;
    try {
      const page = await (res.statusCode === 403 && forbiddenPage ? forbiddenPage : notFoundPage)();
      return page && encoding.encode(page);
    } catch {
      return null;
    }
  }
}
