import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBodyWithin } from '@/lib/request-body';

/** A body arriving in `chunks` pieces of `size` bytes; counts how many pieces were asked for. */
function body(chunks: number, size: number) {
  const pulled = { count: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count === chunks) return controller.close();
      controller.enqueue(new Uint8Array(size).fill(pulled.count++ % 256));
    },
  }, { highWaterMark: 0 });
  return { stream, pulled };
}

test('a body within the limit is read whole', async () => {
  const { stream } = body(4, 1000);
  const read = await readBodyWithin(stream, 4000);
  assert.ok(Buffer.isBuffer(read));
  assert.equal(read.length, 4000);
  assert.equal(read[3999], 3);
  assert.deepEqual(await readBodyWithin(null, 10), Buffer.alloc(0));
});

test('reading stops at the first chunk past the limit, without reading the rest', async () => {
  const { stream, pulled } = body(1000, 1000);
  assert.equal(await readBodyWithin(stream, 4000), 'too-large');
  assert.equal(pulled.count, 5);
});
