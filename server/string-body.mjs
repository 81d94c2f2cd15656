// @ts-check
// Next ends a response from its page cache with the page as one JavaScript string (`res.end(html)`), and
// Node's http module prepends the header block to that string before writing it (`this._header + data`): a new
// string on every request, which the socket write then flattens. A page with Vietnamese text is a two-byte
// string, so once header and page pass 65,536 characters that copy is over 128 KiB, which V8 allocates as a
// "large object": an mmap and a munmap per request. Found with `strace -k` while chasing `npm run bench`'s warm
// article at 100,000 articles running at 0.82 of the same article at 1,000: its page was 64,707 characters
// against 64,227, on either side of the line with the headers (about 900 characters). Encoded to a Buffer first
// (the UTF-8 encoding Node does anyway), the body is written after the header as a second chunk, with no copy:
// both pages then ran at the same rate (docs/decisions/0008-caching.md).

/** Strings at least this long are sent as Buffers. Shorter ones, with headers of up to 5,536 characters, stay under the line and go through as they are. */
export const ENCODE_FROM_CHARS = 60_000;

/**
 * Makes `res.write` and `res.end` turn long string chunks into Buffers. Wrap `res` before anything else wraps it.
 * @param {import('node:http').ServerResponse} res
 */
export function encodeLongStringBodies(res) {
  /** @type {(...args: any[]) => any} */
  const write = res.write;
  /** @type {(...args: any[]) => any} */
  const end = res.end;
  /** @param {unknown} chunk @param {unknown} encoding */
  const encoded = (chunk, encoding) =>
    typeof chunk === 'string' && chunk.length >= ENCODE_FROM_CHARS
      ? Buffer.from(chunk, /** @type {BufferEncoding} */ (typeof encoding === 'string' ? encoding : 'utf8'))
      : chunk;
  res.write = /** @type {any} */ (
    function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ callback) {
      const body = encoded(chunk, encoding);
      return body === chunk ? write.call(res, chunk, encoding, callback) : write.call(res, body, typeof encoding === 'function' ? encoding : callback);
    }
  );
  res.end = /** @type {any} */ (
    function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ callback) {
      const body = encoded(chunk, encoding);
      return body === chunk ? end.call(res, chunk, encoding, callback) : end.call(res, body, typeof encoding === 'function' ? encoding : callback);
    }
  );
}
