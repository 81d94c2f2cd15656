import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { withTransaction, type Db } from '@/db/client';
import { staffSessions, staffUsers } from '@/db/schema';
import { listAudit, listAuditActions } from '@/db/queries/audit';
import {
  changeStaffRole,
  countSessions,
  createStaffUser,
  disableStaffUser,
  enableStaffUser,
  getPasswordHash,
  getStaffUserByUsername,
  listStaffUsers,
  resetStaffPassword,
  StaffChangeRejected,
  type NewStaffUser,
} from '@/db/queries/staff';
import type { AccountError } from '@/lib/newsroom-accounts';
import type { StaffRole } from '@/lib/staff-roles';
import { resetStaffTwoFactor } from '@/db/queries/two-factor';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';

// Account management by a quan-tri (/toa-soan/nguoi-dung): the queries behind its forms, on both engines.

let db: Db;
let cleanup: () => Promise<void>;
const cli = { actor: 'cli', address: null };
const admin = (username: string) => ({ actor: username, address: '10.0.0.9' });

const account = (username: string, role: StaffRole, extra: Partial<NewStaffUser> = {}): NewStaffUser => ({
  username,
  name: username,
  role,
  categoryIds: [],
  passwordHash: '$argon2id$placeholder',
  mustChangePassword: false,
  ...extra,
});

async function create(username: string, role: StaffRole, extra: Partial<NewStaffUser> = {}): Promise<string> {
  return (await withTransaction((tx) => createStaffUser(tx, account(username, role, extra), cli))).id;
}

async function openSessions(userId: string, count: number): Promise<void> {
  const now = new Date();
  for (let i = 0; i < count; i++) {
    const id = `${userId}-s${i}-${now.getTime()}`;
    await db.insert(staffSessions).values({ id, token: `t-${id}`, userId, expiresAt: new Date(now.getTime() + 3600_000), createdAt: now, updatedAt: now });
  }
}

/** Rejects with StaffChangeRejected of this code. */
async function refused(work: Promise<unknown>, code: AccountError): Promise<void> {
  await assert.rejects(work, (error) => error instanceof StaffChangeRejected && error.code === code);
}

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [
    { id: 17, name: 'Thời sự' },
    { id: 29, name: 'Kinh tế' },
    { id: 31, name: 'Thể thao' },
  ]);
});
after(() => cleanup());

test('a new role ends every session of the account and is audited with what it was and what it is', async () => {
  await create('qt.mot', 'quan-tri');
  const id = await create('pv.doi', 'phong-vien', { categoryIds: [17] });
  await openSessions(id, 2);
  assert.equal(await withTransaction((tx) => changeStaffRole(tx, { username: 'pv.doi', role: 'bien-tap-vien', categoryIds: [29, 17, 29] }, admin('qt.mot'))), true);
  const user = await getStaffUserByUsername(db, 'pv.doi');
  assert.deepEqual([user?.role, user?.categoryIds], ['bien-tap-vien', [17, 29]]);
  assert.equal(await countSessions(db, id), 0);
  const [row] = await listAudit(db, { subject: 'pv.doi' });
  assert.deepEqual([row?.action, row?.actor, row?.address], ['role-changed', 'qt.mot', '10.0.0.9']);
  assert.deepEqual(row?.detail, { from: { role: 'phong-vien', categoryIds: [17] }, to: { role: 'bien-tap-vien', categoryIds: [17, 29] }, sessionsEnded: 2 });
});

test('new categories alone keep the sessions; no change at all writes nothing', async () => {
  const id = await create('pv.giu', 'phong-vien', { categoryIds: [17] });
  await openSessions(id, 1);
  assert.equal(await withTransaction((tx) => changeStaffRole(tx, { username: 'pv.giu', role: 'phong-vien', categoryIds: [31] }, admin('qt.mot'))), true);
  assert.equal(await countSessions(db, id), 1);
  assert.deepEqual((await getStaffUserByUsername(db, 'pv.giu'))?.categoryIds, [31]);
  assert.equal(await withTransaction((tx) => changeStaffRole(tx, { username: 'pv.giu', role: 'phong-vien', categoryIds: [31] }, admin('qt.mot'))), false);
  assert.deepEqual(await listAuditActions(db, 'pv.giu'), ['account-created', 'role-changed']);
});

test('a role change is checked like a new account: categories only for reporters and editors, and only known ones', async () => {
  await create('pv.sai', 'phong-vien', { categoryIds: [17] });
  await refused(withTransaction((tx) => changeStaffRole(tx, { username: 'pv.sai', role: 'lanh-dao', categoryIds: [17] }, admin('qt.mot'))), 'chuyen-muc-vai-tro');
  await refused(withTransaction((tx) => changeStaffRole(tx, { username: 'pv.sai', role: 'phong-vien', categoryIds: [404] }, admin('qt.mot'))), 'chuyen-muc');
  await refused(withTransaction((tx) => changeStaffRole(tx, { username: 'khong.co', role: 'phong-vien', categoryIds: [] }, admin('qt.mot'))), 'khong-co');
  const user = await getStaffUserByUsername(db, 'pv.sai');
  assert.deepEqual([user?.role, user?.categoryIds], ['phong-vien', [17]]);
  assert.deepEqual(await listAuditActions(db, 'pv.sai'), ['account-created']);
});

test('a quan-tri cannot disable or demote themself, and the last enabled quan-tri stays one', async () => {
  // qt.mot is the only quan-tri so far.
  await refused(withTransaction((tx) => disableStaffUser(tx, 'qt.mot', admin('qt.mot'))), 'tu-vo-hieu');
  await refused(withTransaction((tx) => changeStaffRole(tx, { username: 'qt.mot', role: 'lanh-dao', categoryIds: [] }, admin('qt.mot'))), 'tu-ha-quyen');
  await refused(withTransaction((tx) => disableStaffUser(tx, 'qt.mot', cli)), 'quan-tri-cuoi');
  await refused(withTransaction((tx) => changeStaffRole(tx, { username: 'qt.mot', role: 'lanh-dao', categoryIds: [] }, cli)), 'quan-tri-cuoi');

  // A second quan-tri, disabled, does not count; enabled, it does.
  await create('qt.hai', 'quan-tri');
  await withTransaction((tx) => disableStaffUser(tx, 'qt.hai', admin('qt.mot')));
  await refused(withTransaction((tx) => disableStaffUser(tx, 'qt.mot', cli)), 'quan-tri-cuoi');
  await withTransaction((tx) => enableStaffUser(tx, 'qt.hai', admin('qt.mot')));
  await withTransaction((tx) => changeStaffRole(tx, { username: 'qt.mot', role: 'lanh-dao', categoryIds: [] }, admin('qt.hai')));
  assert.equal((await getStaffUserByUsername(db, 'qt.mot'))?.role, 'lanh-dao');
  await refused(withTransaction((tx) => disableStaffUser(tx, 'qt.hai', admin('qt.mot'))), 'quan-tri-cuoi');
  assert.equal((await getStaffUserByUsername(db, 'qt.hai'))?.disabled, false);
  assert.deepEqual(await listAuditActions(db, 'qt.mot'), ['account-created', 'role-changed']);
  assert.deepEqual(await listAuditActions(db, 'qt.hai'), ['account-created', 'account-disabled', 'account-enabled']);
});

test('two quan-tri disabling each other at the same moment: one of them stays enabled', async () => {
  await create('qt.ba', 'quan-tri');
  await create('qt.bon', 'quan-tri');
  // qt.hai is enabled too: take it out so that these two are the last.
  await withTransaction((tx) => disableStaffUser(tx, 'qt.hai', admin('qt.ba')));
  const results = await Promise.allSettled([
    withTransaction((tx) => disableStaffUser(tx, 'qt.bon', admin('qt.ba'))),
    withTransaction((tx) => disableStaffUser(tx, 'qt.ba', admin('qt.bon'))),
  ]);
  assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  const enabled = await db.select({ role: staffUsers.role }).from(staffUsers).where(eq(staffUsers.disabled, false));
  assert.equal(enabled.filter((u) => u.role === 'quan-tri').length, 1);
  await withTransaction((tx) => enableStaffUser(tx, 'qt.hai', cli));
});

test('disabling ends the sessions; enabling lets the account in again, each once and audited', async () => {
  const id = await create('pv.tat', 'phong-vien');
  await openSessions(id, 3);
  await withTransaction((tx) => disableStaffUser(tx, 'pv.tat', admin('qt.hai')));
  assert.equal(await countSessions(db, id), 0);
  await refused(withTransaction((tx) => disableStaffUser(tx, 'pv.tat', admin('qt.hai'))), 'da-vo-hieu');
  await withTransaction((tx) => enableStaffUser(tx, 'pv.tat', admin('qt.hai')));
  assert.equal((await getStaffUserByUsername(db, 'pv.tat'))?.disabled, false);
  await refused(withTransaction((tx) => enableStaffUser(tx, 'pv.tat', admin('qt.hai'))), 'dang-hoat-dong');
  const rows = await listAudit(db, { subject: 'pv.tat' });
  assert.deepEqual(
    rows.map((r) => [r.action, r.actor, r.detail]),
    [
      ['account-enabled', 'qt.hai', null],
      ['account-disabled', 'qt.hai', { sessionsEnded: 3 }],
      ['account-created', 'cli', { role: 'phong-vien', categoryIds: [], mustChangePassword: false }],
    ],
  );
});

test('a password reset by a quan-tri must be changed at the next sign-in and ends every session; not for oneself', async () => {
  const id = await create('pv.quen', 'phong-vien');
  await openSessions(id, 2);
  await withTransaction((tx) => resetStaffPassword(tx, { username: 'pv.quen', passwordHash: 'moi' }, admin('qt.hai')));
  assert.equal(await getPasswordHash(db, id), 'moi');
  assert.equal((await getStaffUserByUsername(db, 'pv.quen'))?.mustChangePassword, true);
  assert.equal(await countSessions(db, id), 0);
  assert.deepEqual((await listAuditActions(db, 'pv.quen')).at(-1), 'password-set');
  await refused(withTransaction((tx) => resetStaffPassword(tx, { username: 'qt.hai', passwordHash: 'x' }, admin('qt.hai'))), 'tu-dat-lai');
});

test('a two-factor reset of an account without two-factor sign-in is refused, and writes nothing', async () => {
  const before = (await listAudit(db, { limit: 1000 })).length;
  await refused(withTransaction((tx) => resetStaffTwoFactor(tx, 'pv.quen', admin('qt.hai'))), 'chua-co-hai-lop');
  await refused(withTransaction((tx) => resetStaffTwoFactor(tx, 'khong.co.ai', admin('qt.hai'))), 'khong-co');
  assert.equal((await listAudit(db, { limit: 1000 })).length, before);
});

test('the reserved usernames cannot be taken', async () => {
  for (const username of ['cli', 'moi']) {
    await refused(withTransaction((tx) => createStaffUser(tx, account(username, 'phong-vien'), cli)), 'ten-danh-rieng');
  }
});

test('the account list: by name as Vietnamese sorts it, with category names, last sign-in, lock and disabled state', async () => {
  await create('z.an', 'phong-vien', { name: 'Ánh Nguyễn', categoryIds: [29, 17] });
  await create('z.bao', 'bien-tap-vien', { name: 'Bảo Trần', categoryIds: [31] });
  await create('z.dung', 'lanh-dao', { name: 'Dũng Lê' });
  const now = new Date();
  const signedIn = new Date(now.getTime() - 3600_000);
  await db.update(staffUsers).set({ lockedUntil: new Date(now.getTime() + 600_000), lastSignInAt: signedIn }).where(eq(staffUsers.username, 'z.an'));
  await db.update(staffUsers).set({ lockedUntil: new Date(now.getTime() - 1000) }).where(eq(staffUsers.username, 'z.bao'));
  await withTransaction((tx) => disableStaffUser(tx, 'z.dung', admin('qt.hai')));

  const list = (await listStaffUsers(db, now)).filter((u) => u.username.startsWith('z.'));
  assert.deepEqual(
    list.map((u) => [u.name, u.role, u.categories.map((c) => c.name), u.lastSignInAt?.getTime() ?? null, u.lockedUntil !== null, u.disabled]),
    [
      ['Ánh Nguyễn', 'phong-vien', ['Thời sự', 'Kinh tế'], signedIn.getTime(), true, false],
      ['Bảo Trần', 'bien-tap-vien', ['Thể thao'], null, false, false],
      ['Dũng Lê', 'lanh-dao', [], null, false, true],
    ],
  );
});
