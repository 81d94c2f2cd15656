import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withTransaction, type Db } from '@/db/client';
import { changeOwnPassword, getStaffSession, signInStaff, signOutStaff } from '@/db/newsroom-sessions';
import { listAudit, listAuditActions } from '@/db/queries/audit';
import { countSessions, createStaffUser, disableStaffUser, getStaffUserByUsername } from '@/db/queries/staff';
import { useThrowawayDatabase } from '@/db/testing';
import { hashPassword } from '@/lib/password-hash';

// Sign-in through better-auth on the engine under test (its Drizzle adapter on SQLite and PostgreSQL).

let db: Db;
let cleanup: () => Promise<void>;
const PASSWORD = 'Ruộng lúa quê hương 2026';
const cli = { actor: 'cli', address: null };

async function create(username: string, role: 'phong-vien' | 'quan-tri' = 'phong-vien') {
  const passwordHash = await hashPassword(PASSWORD);
  return withTransaction((tx) => createStaffUser(tx, { username, name: 'Nguyễn Văn An', role, categoryIds: [], passwordHash, mustChangePassword: false }, cli));
}

const attempt = (username: string, password: string) => signInStaff({ username, password, address: '10.1.1.1', headers: new Headers() });

/** The request headers of a browser that holds the cookies a sign-in set. */
function browserWith(setCookie: string[]): Headers {
  return new Headers({ cookie: setCookie.map((c) => c.split(';', 1)[0]).join('; ') });
}

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
});
after(() => cleanup());

test('a sign-in sets the session cookie, which then reads back as the account, until sign-out', async () => {
  await create('an.nv');
  const outcome = await attempt('An.NV', PASSWORD);
  assert.ok(outcome.ok);
  assert.match(outcome.setCookie[0]!, /^toa-soan=[^;]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
  const browser = browserWith(outcome.setCookie);
  const session = await getStaffSession(browser);
  assert.equal(session?.user.username, 'an.nv');
  assert.ok((await getStaffUserByUsername(db, 'an.nv'))?.lastSignInAt);

  const cleared = await signOutStaff({ headers: browser, address: '10.1.1.1' });
  assert.match(cleared.join('\n'), /toa-soan=; Max-Age=0/);
  assert.equal(await getStaffSession(browser), null, 'the session row is gone');
  assert.deepEqual(await listAuditActions(db, 'an.nv'), ['account-created', 'sign-in', 'sign-out']);
});

test('a forged or tampered cookie reads as no session', async () => {
  const outcome = await attempt('an.nv', PASSWORD);
  assert.ok(outcome.ok);
  const value = outcome.setCookie[0]!.split(';', 1)[0]!.slice('toa-soan='.length);
  assert.equal(await getStaffSession(new Headers({ cookie: `toa-soan=${value.slice(0, -2)}xx` })), null);
  assert.equal(await getStaffSession(new Headers({ cookie: 'toa-soan=abc.def' })), null);
});

test('a wrong password, an unknown username and a malformed one get the same answer', async () => {
  assert.deepEqual(await attempt('an.nv', 'mật khẩu sai hoàn toàn'), { ok: false, reason: 'credentials' });
  assert.deepEqual(await attempt('khong.co', PASSWORD), { ok: false, reason: 'credentials' });
  assert.deepEqual(await attempt("a'; drop table staff_users; --", PASSWORD), { ok: false, reason: 'credentials' });
  assert.deepEqual(await attempt('an.nv', ''), { ok: false, reason: 'credentials' });
  assert.deepEqual(await attempt('an.nv', 'x'.repeat(129)), { ok: false, reason: 'credentials' });
  assert.deepEqual(await attempt('an.nv', 'x'.repeat(5000)), { ok: false, reason: 'credentials' });
});

test('the fifth failure locks the username, and the right password is refused while it is locked', async () => {
  await create('binh.tt');
  for (let i = 0; i < 4; i++) assert.deepEqual(await attempt('binh.tt', `sai lần ${i} rồi nhé`), { ok: false, reason: 'credentials' });
  assert.deepEqual(await attempt('binh.tt', 'sai lần thứ năm rồi'), { ok: false, reason: 'locked', minutes: 15 });
  assert.deepEqual(await attempt('binh.tt', PASSWORD), { ok: false, reason: 'locked', minutes: 15 });
  assert.deepEqual((await listAuditActions(db, 'binh.tt')).filter((a) => a === 'lockout'), ['lockout']);
});

test('a burst of wrong passwords sent at once reaches the password check five times, no more', async () => {
  await create('khanh.pq');
  const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt('khanh.pq', `sai mật khẩu lần ${i}`)));
  assert.equal(outcomes.filter((o) => !o.ok && o.reason === 'locked').length, 8);
  const failures = (await listAudit(db, { subject: 'khanh.pq', limit: 100 })).filter((row) => row.action === 'sign-in-failed');
  const reasons = failures.map((row) => (row.detail as { reason: string }).reason);
  assert.equal(reasons.filter((r) => r === 'password').length, 5, 'five passwords checked');
  assert.equal(reasons.filter((r) => r === 'locked').length, 7, 'the others refused unchecked');
  assert.deepEqual(await attempt('khanh.pq', PASSWORD), { ok: false, reason: 'locked', minutes: 15 });
});

test('a disabled account is refused whatever password is typed (the message says nothing of the password), and its sessions are gone', async () => {
  await create('chi.lt');
  const outcome = await attempt('chi.lt', PASSWORD);
  assert.ok(outcome.ok);
  await withTransaction((tx) => disableStaffUser(tx, 'chi.lt', cli));
  assert.equal(await getStaffSession(browserWith(outcome.setCookie)), null);
  assert.deepEqual(await attempt('chi.lt', PASSWORD), { ok: false, reason: 'disabled' });
  assert.deepEqual(await attempt('chi.lt', 'mật khẩu sai hoàn toàn'), { ok: false, reason: 'disabled' });
  const user = await getStaffUserByUsername(db, 'chi.lt');
  assert.equal(await countSessions(db, user!.id), 0);
});

test('an unknown username locks after five failures, with the same answers as an account', async () => {
  for (let i = 0; i < 4; i++) assert.deepEqual(await attempt('chua.co.ai', `sai lần ${i} rồi nhé`), { ok: false, reason: 'credentials' });
  assert.deepEqual(await attempt('chua.co.ai', 'sai lần thứ năm rồi'), { ok: false, reason: 'locked', minutes: 15 });
  assert.deepEqual(await attempt('chua.co.ai', PASSWORD), { ok: false, reason: 'locked', minutes: 15 });
});

test('a password of astral characters long enough for the policy signs in (one length rule)', async () => {
  const emoji = '🌾'.repeat(100); // 100 characters, 200 UTF-16 units
  const passwordHash = await hashPassword(emoji);
  await withTransaction((tx) => createStaffUser(tx, { username: 'lua.vang', name: 'Lúa Vàng', role: 'phong-vien', categoryIds: [], passwordHash, mustChangePassword: false }, cli));
  assert.ok((await attempt('lua.vang', emoji)).ok);
});

test('signing in again from a browser that has a session ends that session', async () => {
  const { id } = await create('phuc.nd');
  const first = await attempt('phuc.nd', PASSWORD);
  assert.ok(first.ok);
  const second = await signInStaff({ username: 'phuc.nd', password: PASSWORD, address: '10.1.1.1', headers: browserWith(first.setCookie) });
  assert.ok(second.ok);
  assert.equal(await countSessions(db, id), 1);
  assert.equal(await getStaffSession(browserWith(first.setCookie)), null);
  assert.ok(await getStaffSession(browserWith(second.setCookie)));
});

test('wrong current passwords on the password form count toward the lockout; the fifth signs the account out', async () => {
  const { id } = await create('quang.lv');
  const here = await attempt('quang.lv', PASSWORD);
  const there = await attempt('quang.lv', PASSWORD);
  assert.ok(here.ok && there.ok);
  const session = (await getStaffSession(browserWith(here.setCookie)))!;
  const guess = (current: string) => changeOwnPassword(session, { current, next: 'Sông Trà Lý chảy về biển', confirmation: 'Sông Trà Lý chảy về biển' }, '10.1.1.1');
  for (let i = 0; i < 4; i++) assert.equal(await guess(`đoán sai lần ${i}`), 'sai-mat-khau');
  assert.equal(await guess('đoán sai lần năm'), 'tam-khoa');
  assert.equal(await countSessions(db, id), 0, 'every session ended');
  assert.equal(await guess(PASSWORD), 'tam-khoa', 'the right password does not change it while locked');
  assert.deepEqual(await attempt('quang.lv', PASSWORD), { ok: false, reason: 'locked', minutes: 15 });
  assert.deepEqual((await listAuditActions(db, 'quang.lv')).filter((a) => a === 'lockout'), ['lockout']);
});

test('changing one’s password keeps this session and ends the others', async () => {
  const { id } = await create('dung.pv', 'quan-tri');
  const here = await attempt('dung.pv', PASSWORD);
  const there = await attempt('dung.pv', PASSWORD);
  assert.ok(here.ok && there.ok);
  const session = (await getStaffSession(browserWith(here.setCookie)))!;
  const change = (next: string, confirmation = next, current = PASSWORD) => changeOwnPassword(session, { current, next, confirmation }, '10.1.1.1');
  assert.equal(await change('Sông Trà Lý chảy về biển', 'Sông Trà Lý chảy về biển', 'sai'), 'sai-mat-khau');
  assert.equal(await change('Sông Trà Lý chảy về biển', 'Sông Trà Lý'), 'khong-khop');
  assert.equal(await change(PASSWORD), 'trung-mat-khau-cu');
  assert.equal(await change('password1234'), 'pho-bien');
  assert.equal(await countSessions(db, id), 2);
  assert.equal(await change('Sông Trà Lý chảy về biển'), null);
  assert.equal(await countSessions(db, id), 1);
  assert.ok(await getStaffSession(browserWith(here.setCookie)));
  assert.equal(await getStaffSession(browserWith(there.setCookie)), null);
  assert.ok((await attempt('dung.pv', 'Sông Trà Lý chảy về biển')).ok);
});
