import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { withTransaction, type Db } from '@/db/client';
import { auditLog, staffSessions } from '@/db/schema';
import { listAudit, listAuditActions } from '@/db/queries/audit';
import {
  countSessions,
  createStaffUser,
  disableStaffUser,
  getPasswordHash,
  getStaffUserByUsername,
  setStaffPassword,
  StaffChangeRejected,
  unlockStaffUser,
  type NewStaffUser,
} from '@/db/queries/staff';
import { claimSignInAttempt, getSignInState, recordFailedSignIn, recordSignIn } from '@/db/queries/staff-sign-in';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';

let db: Db;
let cleanup: () => Promise<void>;
const cli = { actor: 'cli', address: null };

const reporter = (username: string, extra: Partial<NewStaffUser> = {}): NewStaffUser => ({
  username,
  name: 'Nguyễn Văn An',
  role: 'phong-vien',
  categoryIds: [17, 29],
  passwordHash: '$argon2id$placeholder',
  mustChangePassword: false,
  ...extra,
});

async function openSessions(userId: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${userId}-s${i}`);
  const now = new Date();
  for (const id of ids) {
    await db.insert(staffSessions).values({ id, token: `t-${id}`, userId, expiresAt: new Date(now.getTime() + 3600_000), createdAt: now, updatedAt: now });
  }
  return ids;
}

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [
    { id: 17, name: 'Thời sự' },
    { id: 29, name: 'Kinh tế' },
  ]);
});
after(() => cleanup());

test('an account is created with its categories, its password and an audit row', async () => {
  await withTransaction((tx) => createStaffUser(tx, reporter('an.nv', { mustChangePassword: true }), cli));
  const user = await getStaffUserByUsername(db, 'an.nv');
  assert.ok(user);
  assert.deepEqual(
    { ...user, id: typeof user.id },
    {
      id: 'string',
      username: 'an.nv',
      name: 'Nguyễn Văn An',
      role: 'phong-vien',
      categoryIds: [17, 29],
      mustChangePassword: true,
      disabled: false,
      lockedUntil: null,
      lastSignInAt: null,
    },
  );
  assert.equal(await getPasswordHash(db, user.id), '$argon2id$placeholder');
  const [row] = await listAudit(db, { subject: 'an.nv' });
  assert.equal(row?.action, 'account-created');
  assert.equal(row?.actor, 'cli');
  assert.deepEqual(row?.detail, { role: 'phong-vien', categoryIds: [17, 29], mustChangePassword: true });
});

test('a taken username, an unknown category or categories for a role without them write nothing', async () => {
  const attempts: NewStaffUser[] = [
    reporter('an.nv'),
    reporter('binh.tt', { categoryIds: [17, 404] }),
    reporter('chi.lt', { role: 'lanh-dao', categoryIds: [17] }),
  ];
  for (const attempt of attempts) {
    await assert.rejects(
      withTransaction((tx) => createStaffUser(tx, attempt, cli)),
      StaffChangeRejected,
    );
  }
  assert.equal(await getStaffUserByUsername(db, 'binh.tt'), null);
  assert.equal(await getStaffUserByUsername(db, 'chi.lt'), null);
});

test('setting a password signs out every session, or every other one when the user changes their own', async () => {
  const { id } = await withTransaction((tx) => createStaffUser(tx, reporter('dung.pv'), cli));
  const [keep] = await openSessions(id, 3);
  await withTransaction((tx) =>
    setStaffPassword(tx, { username: 'dung.pv', passwordHash: 'h2', mustChangePassword: false, keepSessionId: keep }, { actor: 'dung.pv', address: '10.0.0.1' }),
  );
  assert.equal(await countSessions(db, id), 1);
  await withTransaction((tx) => setStaffPassword(tx, { username: 'dung.pv', passwordHash: 'h3', mustChangePassword: true }, cli));
  assert.equal(await countSessions(db, id), 0);
  assert.equal(await getPasswordHash(db, id), 'h3');
  assert.equal((await getStaffUserByUsername(db, 'dung.pv'))?.mustChangePassword, true);
  assert.deepEqual(await listAuditActions(db, 'dung.pv'), ['account-created', 'password-changed', 'password-set']);
});

test('disabling an account signs out all of its sessions', async () => {
  const { id } = await withTransaction((tx) => createStaffUser(tx, reporter('em.ht'), cli));
  await openSessions(id, 2);
  await withTransaction((tx) => disableStaffUser(tx, 'em.ht', cli));
  assert.equal(await countSessions(db, id), 0);
  assert.equal((await getStaffUserByUsername(db, 'em.ht'))?.disabled, true);
  await assert.rejects(
    withTransaction((tx) => disableStaffUser(tx, 'khong.co', cli)),
    StaffChangeRejected,
  );
});

test('five sign-in attempts within 15 minutes lock the account; a success or an unlock clears the count', async () => {
  const { id } = await withTransaction((tx) => createStaffUser(tx, reporter('giang.vt'), cli));
  const start = Date.now();
  const claim = (minute: number) => withTransaction((tx) => claimSignInAttempt(tx, { username: 'giang.vt', now: new Date(start + minute * 60_000) }));
  for (const minute of [0, 1, 2, 3]) assert.deepEqual(await claim(minute), { lockedUntil: null, locksIt: false });
  assert.deepEqual(await claim(4), { lockedUntil: null, locksIt: true }, 'the fifth is still checked, and locks the account');
  assert.equal((await getSignInState(db, 'giang.vt'))?.lockedUntil?.getTime(), start + 19 * 60_000);
  assert.equal((await claim(5)).lockedUntil?.getTime(), start + 19 * 60_000, 'the sixth is refused unchecked');
  await withTransaction((tx) => recordFailedSignIn(tx, { username: 'giang.vt', address: '10.0.0.2', now: new Date(start + 4 * 60_000), reason: 'password', locksIt: true }));
  assert.deepEqual((await listAuditActions(db, 'giang.vt')).slice(-2), ['sign-in-failed', 'lockout']);

  await withTransaction((tx) => unlockStaffUser(tx, 'giang.vt', cli));
  assert.equal((await getSignInState(db, 'giang.vt'))?.lockedUntil, null);
  for (const minute of [0, 1, 2, 3]) await claim(minute);
  await withTransaction((tx) => recordSignIn(tx, { userId: id, username: 'giang.vt', address: '10.0.0.2', now: new Date(start + 5 * 60_000) }));
  assert.deepEqual(await claim(6), { lockedUntil: null, locksIt: false }, 'the sign-in started the count again');
  assert.equal((await getStaffUserByUsername(db, 'giang.vt'))?.lastSignInAt?.getTime(), start + 5 * 60_000);
});

test('attempts sent at the same moment are claimed one after the other: five pass, the rest find the account locked', async () => {
  await withTransaction((tx) => createStaffUser(tx, reporter('hai.lt'), cli));
  const now = new Date();
  const claims = await Promise.all(Array.from({ length: 12 }, () => withTransaction((tx) => claimSignInAttempt(tx, { username: 'hai.lt', now }))));
  assert.equal(claims.filter((c) => c.lockedUntil === null).length, 5);
  assert.equal(claims.filter((c) => c.locksIt).length, 1);
});

test('a failed sign-in for an unknown username is audited and changes no account', async () => {
  assert.deepEqual(await withTransaction((tx) => claimSignInAttempt(tx, { username: 'ai.do', now: new Date() })), { lockedUntil: null, locksIt: false });
  await withTransaction((tx) => recordFailedSignIn(tx, { username: 'ai.do', address: '10.0.0.3', now: new Date(), reason: 'password' }));
  const [row] = await listAudit(db, { subject: 'ai.do' });
  assert.deepEqual([row?.action, row?.address, row?.detail], ['sign-in-failed', '10.0.0.3', { reason: 'unknown-user' }]);
});

test('a username no account has locks like an account: the fifth failure within 15 minutes, for 15 minutes', async () => {
  const start = Date.now();
  const at = (minute: number) => new Date(start + minute * 60_000);
  const attempt = async (minute: number) => {
    const claim = await withTransaction((tx) => claimSignInAttempt(tx, { username: 'khong.ai', now: at(minute) }));
    const reason = claim.lockedUntil ? 'locked' : 'password';
    await withTransaction((tx) => recordFailedSignIn(tx, { username: 'khong.ai', address: '10.0.0.4', now: at(minute), reason, locksIt: claim.locksIt }));
    return claim;
  };
  for (const minute of [0, 1, 2, 3]) assert.deepEqual(await attempt(minute), { lockedUntil: null, locksIt: false });
  assert.deepEqual(await attempt(4), { lockedUntil: null, locksIt: true }, 'the fifth locks it, as for an account');
  assert.equal((await attempt(10)).lockedUntil?.getTime(), at(19).getTime(), 'refused while locked');
  assert.equal((await attempt(18)).lockedUntil?.getTime(), at(19).getTime(), 'attempts refused as locked do not extend it');
  assert.deepEqual(await attempt(19), { lockedUntil: null, locksIt: false }, 'open again after 15 minutes');
  assert.deepEqual((await listAuditActions(db, 'khong.ai')).filter((a) => a === 'lockout'), ['lockout']);
});

test('signing in over a live session ends the old one', async () => {
  const { id } = await withTransaction((tx) => createStaffUser(tx, reporter('kim.lt'), cli));
  await openSessions(id, 2);
  const [old] = await db.select({ id: staffSessions.id }).from(staffSessions).where(eq(staffSessions.userId, id)).limit(1);
  await withTransaction((tx) => recordSignIn(tx, { userId: id, username: 'kim.lt', address: '10.0.0.5', now: new Date(), replacesSessionId: old!.id }));
  assert.equal(await countSessions(db, id), 1);
});

// Drizzle wraps the engine's error (DrizzleQueryError): the trigger's message is in its cause.
const appendOnly = (error: unknown) => /append-only/.test(`${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message}`);

test('the audit log refuses UPDATE and DELETE on the database itself, and its rows stay as written', async () => {
  const before = await listAudit(db, { limit: 1000 });
  assert.ok(before.length > 5);
  await assert.rejects(db.update(auditLog).set({ action: 'sign-in' }).where(eq(auditLog.subject, 'ai.do')), appendOnly);
  await assert.rejects(db.update(auditLog).set({ actor: null }), appendOnly);
  await assert.rejects(db.delete(auditLog).where(eq(auditLog.subject, 'ai.do')), appendOnly);
  await assert.rejects(db.delete(auditLog), appendOnly);
  assert.deepEqual(await listAudit(db, { limit: 1000 }), before);
});
