import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '@/db/client';
import { appendAudit, listAudit } from '@/db/queries/audit';
import { sqliteOf, useThrowawayDatabase } from '@/db/testing';

// SQLite's own way round an append-only table: `INSERT OR REPLACE` with a taken id deletes the old row without
// firing DELETE triggers (recursive_triggers is off). Migration 0012 refuses an insert that names a taken id.

let db: Db;
let cleanup: () => Promise<void>;
before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
});
after(() => cleanup());

test('INSERT OR REPLACE cannot overwrite an audit row; new rows still go in', async () => {
  await appendAudit(db, { action: 'sign-in', actor: 'an.nv', subject: 'an.nv', address: '10.0.0.1' });
  const [row] = await listAudit(db);
  assert.ok(row);
  const raw = sqliteOf(db).$client;
  for (const verb of ['INSERT OR REPLACE', 'REPLACE', 'INSERT']) {
    assert.throws(
      () => raw.prepare(`${verb} INTO audit_log (id, at, action, actor, subject, address) VALUES (?, ?, 'sign-out', 'ke.gian', 'an.nv', '10.6.6.6')`).run(row.id, Date.now()),
      /append-only|UNIQUE/,
      verb,
    );
  }
  await appendAudit(db, { action: 'sign-out', actor: 'an.nv', subject: 'an.nv', address: '10.0.0.1' });
  const rows = await listAudit(db);
  assert.equal(rows.length, 2);
  assert.deepEqual(rows.find((r) => r.id === row.id), row, 'the first row is as it was written');
});
