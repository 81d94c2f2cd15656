import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withTransaction, type Db } from '@/db/client';
import { appendAudit, listAuditPage } from '@/db/queries/audit';
import { useThrowawayDatabase } from '@/db/testing';

// The audit page's query (/toa-soan/nhat-ky): newest first, 50 a page, by person (actor or subject) and action.

let db: Db;
let cleanup: () => Promise<void>;
const start = Date.UTC(2026, 11, 3, 8, 0, 0);

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await withTransaction(async (tx) => {
    for (let i = 0; i < 120; i++) {
      // Every third row was done by qt.an to someone else; the others are sign-ins of pv.binh. Rows 100-101 share
      // one moment: the id orders them.
      const at = new Date(start + Math.min(i, 100) * 60_000);
      if (i % 3 === 0) await appendAudit(tx, { action: 'account-unlocked', actor: 'qt.an', subject: `pv.${i}`, address: '10.0.0.1', at });
      else await appendAudit(tx, { action: 'sign-in', actor: 'pv.binh', subject: 'pv.binh', address: '10.0.0.2', at });
    }
    await appendAudit(tx, { action: 'account-disabled', actor: 'cli', subject: 'qt.an', address: null, at: new Date(start + 200 * 60_000) });
  });
});
after(() => cleanup());

test('newest first, 50 a page, and whether an older page exists', async () => {
  const pages = [await listAuditPage(db, { page: 1 }), await listAuditPage(db, { page: 2 }), await listAuditPage(db, { page: 3 })];
  assert.deepEqual(
    pages.map((p) => [p.rows.length, p.hasNext]),
    [
      [50, true],
      [50, true],
      [21, false],
    ],
  );
  const all = pages.flatMap((p) => p.rows);
  assert.equal(new Set(all.map((r) => r.id)).size, 121, 'no row twice, none left out');
  assert.equal(all[0]?.action, 'account-disabled');
  for (let i = 1; i < all.length; i++) {
    const [newer, older] = [all[i - 1]!, all[i]!];
    assert.ok(newer.at.getTime() > older.at.getTime() || (newer.at.getTime() === older.at.getTime() && newer.id > older.id), `row ${i}`);
  }
  assert.deepEqual(await listAuditPage(db, { page: 9 }), { rows: [], hasNext: false });
});

test('a person: the rows they did and the rows done to them', async () => {
  const { rows, hasNext } = await listAuditPage(db, { person: 'qt.an' });
  assert.equal(hasNext, false);
  assert.equal(rows.length, 41);
  assert.deepEqual(rows[0] && [rows[0].actor, rows[0].subject, rows[0].action], ['cli', 'qt.an', 'account-disabled']);
  assert.ok(rows.slice(1).every((r) => r.actor === 'qt.an' && r.action === 'account-unlocked'));
});

test('an action, alone or with a person', async () => {
  const signIns = await listAuditPage(db, { action: 'sign-in', page: 2 });
  assert.deepEqual([signIns.rows.length, signIns.hasNext], [30, false]);
  assert.ok(signIns.rows.every((r) => r.action === 'sign-in'));
  assert.equal((await listAuditPage(db, { action: 'account-unlocked', person: 'pv.binh' })).rows.length, 0);
  assert.equal((await listAuditPage(db, { action: 'account-unlocked', person: 'pv.3' })).rows.length, 1);
});
