// Reading a request body of bounded size, whatever the client declared: a chunked body has no Content-Length,
// and a declared one may be a lie. Nothing past the limit is read.

/** The body's bytes, or `too-large` as soon as more than `maxBytes` have arrived (the rest is never read). */
export async function readBodyWithin(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer | 'too-large'> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, size);
    size += value.byteLength;
    if (size > maxBytes) {
      // Releasing, not cancelling: cancelling would destroy the connection under the answer still to be sent.
      reader.releaseLock();
      return 'too-large';
    }
    chunks.push(value);
  }
}
