import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { ENCODE_FROM_CHARS, encodeLongStringBodies } from './string-body.mjs';

// A page as Next sends it from its cache: one string, Vietnamese text (a two-byte string in V8), longer than the
// 65,536 characters past which the header + body copy would be a large object.
const PAGE = `<!DOCTYPE html><html lang="vi"><body>${'Thứ 3, 26.01.2021 | 19:14:24 — 267 lượt xem. '.repeat(1_600)}</body></html>`;

async function serve(handler: http.RequestListener) {
  const server = http.createServer((req, res) => {
    encodeLongStringBodies(res);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('a long string body arrives byte for byte, with the length Next set, through end() and write()', async () => {
  assert.ok(PAGE.length > 65_536);
  const ended: string[] = [];
  const server = await serve((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url === '/') {
      res.setHeader('content-length', Buffer.byteLength(PAGE));
      res.end(PAGE, 'utf8', () => ended.push('end'));
    } else {
      res.write(PAGE, () => ended.push('write'));
      res.end(PAGE);
    }
  });
  try {
    const whole = await fetch(server.url);
    assert.equal(whole.headers.get('content-length'), String(Buffer.byteLength(PAGE)));
    assert.equal(await whole.text(), PAGE);
    const twice = await fetch(`${server.url}chunked`);
    assert.equal(await twice.text(), PAGE + PAGE);
    // The callbacks still run, whether given as the second or the third argument.
    assert.deepEqual(ended.sort(), ['end', 'write']);
  } finally {
    await server.close();
  }
});

test('long strings become Buffers in the given encoding; short strings and Buffers go through untouched', () => {
  const seen: unknown[] = [];
  // A response whose write and end only record what they are given.
  const fake: http.ServerResponse = Object.create(http.ServerResponse.prototype);
  fake.write = (chunk: unknown) => (seen.push(chunk), true);
  fake.end = (chunk: unknown) => (seen.push(chunk), fake);
  encodeLongStringBodies(fake);
  const short = 'x'.repeat(ENCODE_FROM_CHARS - 1);
  const buffer = Buffer.from('already bytes');
  fake.write(short);
  fake.write(buffer);
  fake.write(PAGE);
  fake.end('é'.repeat(ENCODE_FROM_CHARS), 'latin1');
  assert.equal(seen[0], short);
  assert.equal(seen[1], buffer);
  assert.ok(Buffer.isBuffer(seen[2]));
  assert.equal((seen[2] as Buffer).toString('utf8'), PAGE);
  assert.ok(Buffer.isBuffer(seen[3]));
  assert.equal((seen[3] as Buffer).length, ENCODE_FROM_CHARS, 'one byte a character in latin1 (two in UTF-8)');
});

test('the callback still reaches Node when a long string is turned into a Buffer, whatever the arguments', () => {
  const calls: Array<{ chunk: unknown; encoding: unknown; callback: unknown }> = [];
  const record = (chunk: unknown, encoding: unknown, callback: unknown) => (calls.push({ chunk, encoding, callback }), true);
  const fake: http.ServerResponse = Object.assign(Object.create(http.ServerResponse.prototype), { write: record, end: record });
  encodeLongStringBodies(fake);
  const done = () => {};
  fake.end(PAGE, done);
  fake.write(PAGE, 'utf8', done);
  fake.end(PAGE, 'utf8', done);
  for (const call of calls) {
    assert.ok(Buffer.isBuffer(call.chunk));
    assert.equal(call.encoding, done, 'a Buffer with its callback second, as Node takes it');
  }
  assert.equal(calls.length, 3);
});
