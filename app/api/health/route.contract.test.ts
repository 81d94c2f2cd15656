import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GET, HEAD } from '@/app/api/health/route';
import { useThrowawayDatabase } from '@/db/testing';

// A contract test (npm run test:contract runs it on PostgreSQL too). A file opened read-only and a read that
// fails are SQLite's own cases: route.sqlite.test.ts.

let cleanup: () => Promise<void>;
before(async () => {
  ({ cleanup } = await useThrowawayDatabase());
});
after(() => cleanup());

test('a database that answers a read: 200 {"status":"ok"}, never cached; HEAD the same without a body', async () => {
  const response = await GET();
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await response.json(), { status: 'ok' });
  const head = await HEAD();
  assert.equal(head.status, 200);
  assert.equal(head.body, null);
});
