import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generateSync } from 'otplib';
import { withTransaction, type Db } from '@/db/client';
import { pendingStep } from '@/db/newsroom-access';
import { changeOwnPassword, getStaffSession, signInStaff, type StaffSession } from '@/db/newsroom-sessions';
import {
  confirmEnrolment,
  getPendingEnrolment,
  regenerateBackupCodes,
  startEnrolment,
  turnOffTwoFactor,
  verifySignInCode,
} from '@/db/newsroom-two-factor';
import { listAuditActions } from '@/db/queries/audit';
import { countSessions, createStaffUser, getStaffUserByUsername, StaffChangeRejected } from '@/db/queries/staff';
import { acceptTimeStep, getTwoFactorSecret, resetStaffTwoFactor } from '@/db/queries/two-factor';
import { useThrowawayDatabase } from '@/db/testing';
import { hashPassword } from '@/lib/password-hash';

// Two-factor sign-in on the engine under test: enrolment, the code at sign-in (replay refused, backup codes once,
// even when two requests bring the same code at the same moment), the shared lockout, reset.

let db: Db;
let cleanup: () => Promise<void>;
const PASSWORD = 'Ruộng lúa quê hương 2026';
const cli = { actor: 'cli', address: null };
const ADDRESS = '10.2.2.2';

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
});
after(() => cleanup());

async function create(username: string, role: 'phong-vien' | 'lanh-dao') {
  const passwordHash = await hashPassword(PASSWORD);
  await withTransaction((tx) => createStaffUser(tx, { username, name: 'Nguyễn Văn An', role, categoryIds: [], passwordHash, mustChangePassword: false }, cli));
}

// getStaffSession reads the signed cookie: each sign-in's is kept, so that its session can be read again.
const cookies = new Map<string, string>();
const reread = async (session: StaffSession) => (await getStaffSession(new Headers({ cookie: `toa-soan=${cookies.get(session.sessionId)}` })))!;

/** Signs in and remembers the cookie, so that the session can be read again after a change. */
async function signInKeeping(username: string): Promise<StaffSession> {
  const outcome = await signInStaff({ username, password: PASSWORD, address: ADDRESS, headers: new Headers() });
  assert.ok(outcome.ok);
  const value = outcome.setCookie[0]!.split(';', 1)[0]!.slice('toa-soan='.length);
  const session = (await getStaffSession(new Headers({ cookie: `toa-soan=${value}` })))!;
  cookies.set(session.sessionId, value);
  return session;
}

async function enrol(username: string): Promise<{ secret: string; enrolmentCode: string; backupCodes: string[] }> {
  const session = await signInKeeping(username);
  assert.ok(await startEnrolment(session));
  const pending = (await getPendingEnrolment(session))!;
  const secret = new URL(pending.uri).searchParams.get('secret')!;
  assert.equal(pending.secretGrouped.replace(/ /g, ''), secret);
  const enrolmentCode = generateSync({ secret });
  const backupCodes = (await confirmEnrolment(session, enrolmentCode, ADDRESS))!;
  assert.equal(backupCodes.length, 10);
  return { secret, enrolmentCode, backupCodes };
}

const codeIn = (secret: string, steps: number) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

test('a lanh-dao must enrol; enrolment takes a right code, stores the secret sealed and verifies this session', async () => {
  await create('hoa.pt', 'lanh-dao');
  const session = await signInKeeping('hoa.pt');
  assert.equal(pendingStep(session), 'two-factor-enrol');
  assert.equal(await getPendingEnrolment(session), null, 'nothing pending before "Bắt đầu"');
  assert.ok(await startEnrolment(session));
  const pending = (await getPendingEnrolment(session))!;
  const secret = new URL(pending.uri).searchParams.get('secret')!;
  assert.match(pending.uri, /^otpauth:\/\/totp\/T%C3%B2a%20so%E1%BA%A1n%20/);
  const stored = (await getTwoFactorSecret(db, session.user.id))!;
  assert.doesNotMatch(stored.secretSealed, new RegExp(secret), 'the secret is not stored in clear');

  assert.equal(await confirmEnrolment(session, '000000', ADDRESS), null);
  assert.equal(await confirmEnrolment(session, codeIn(secret, 3), ADDRESS), null, 'three steps ahead is too far');
  assert.equal(pendingStep(await reread(session)), 'two-factor-enrol');
  const codes = (await confirmEnrolment(session, generateSync({ secret }), ADDRESS))!;
  assert.equal(codes.length, 10);
  const after = await reread(session);
  assert.deepEqual(after.twoFactor, { enabled: true, verified: true });
  assert.equal(pendingStep(after), null);
  assert.equal(await startEnrolment(after), false, 'no new secret while it is on');
  assert.deepEqual((await listAuditActions(db, 'hoa.pt')).slice(-1), ['two-factor-enabled']);
});

test('a phong-vien goes straight in, and may enrol and turn it off with a code', async () => {
  await create('nam.lv', 'phong-vien');
  const session = await signInKeeping('nam.lv');
  assert.equal(pendingStep(session), null);
  const { secret } = await enrol('nam.lv');
  const second = await signInKeeping('nam.lv');
  assert.equal(pendingStep(second), 'two-factor');
  assert.deepEqual(await turnOffTwoFactor(await reread(session), '123456', ADDRESS), { ok: false, reason: 'wrong-code' });
  assert.deepEqual(await turnOffTwoFactor(await reread(session), codeIn(secret, 1), ADDRESS), { ok: true, value: undefined });
  assert.equal(pendingStep(await reread(second)), null, 'off: the pending session may go on');
  assert.ok((await listAuditActions(db, 'nam.lv')).includes('two-factor-disabled'));
});

test('at sign-in: a wrong code is refused, a right one verifies, the same step again is refused', async () => {
  await create('lan.vt', 'lanh-dao');
  const { secret, enrolmentCode } = await enrol('lan.vt');
  const first = await signInKeeping('lan.vt');
  assert.equal(pendingStep(first), 'two-factor');
  assert.deepEqual(await verifySignInCode(first, '000000', ADDRESS), { ok: false, reason: 'wrong-code' });
  assert.deepEqual(await verifySignInCode(first, enrolmentCode, ADDRESS), { ok: false, reason: 'wrong-code' }, 'the step of the enrolment code');
  const next = codeIn(secret, 1);
  assert.deepEqual(await verifySignInCode(first, next, ADDRESS), { ok: true, value: undefined });
  assert.equal(pendingStep(await reread(first)), null);
  const second = await signInKeeping('lan.vt');
  assert.deepEqual(await verifySignInCode(second, next, ADDRESS), { ok: false, reason: 'wrong-code' }, 'a code cannot be used twice');
  assert.equal(pendingStep(await reread(second)), 'two-factor');
  const actions = await listAuditActions(db, 'lan.vt');
  assert.equal(actions.filter((a) => a === 'two-factor-failed').length, 3);
  assert.equal(actions.filter((a) => a === 'two-factor-verified').length, 1);
});

test('a backup code works once, even when two sign-ins bring it at the same moment', async () => {
  await create('binh.dt', 'lanh-dao');
  const { backupCodes } = await enrol('binh.dt');
  const [a, b] = [await signInKeeping('binh.dt'), await signInKeeping('binh.dt')];
  const outcomes = await Promise.all([verifySignInCode(a, backupCodes[0]!, ADDRESS), verifySignInCode(b, backupCodes[0]!.toUpperCase(), ADDRESS)]);
  assert.deepEqual(outcomes.map((o) => o.ok).sort(), [false, true]);
  const c = await signInKeeping('binh.dt');
  assert.deepEqual(await verifySignInCode(c, backupCodes[0]!, ADDRESS), { ok: false, reason: 'wrong-code' });
  assert.deepEqual(await verifySignInCode(c, backupCodes[1]!.replace('-', ''), ADDRESS), { ok: true, value: undefined });
  assert.deepEqual((await listAuditActions(db, 'binh.dt')).filter((x) => x === 'backup-code-used'), ['backup-code-used', 'backup-code-used']);
});

test('two sign-ins bringing the same TOTP code at once: exactly one gets in', async () => {
  await create('cuong.nv', 'lanh-dao');
  const { secret } = await enrol('cuong.nv');
  const [a, b] = [await signInKeeping('cuong.nv'), await signInKeeping('cuong.nv')];
  const code = codeIn(secret, 1);
  const outcomes = await Promise.all([verifySignInCode(a, code, ADDRESS), verifySignInCode(b, code, ADDRESS)]);
  assert.deepEqual(outcomes.map((o) => o.ok).sort(), [false, true]);
});

test('the stored time step only moves forward, and of two writers of the same step one wins', async () => {
  await create('hai.tv', 'lanh-dao');
  await enrol('hai.tv');
  const userId = (await getStaffUserByUsername(db, 'hai.tv'))!.id;
  const enrolled = (await getTwoFactorSecret(db, userId))!.lastTimeStep!;
  const accept = (timeStep: number) => withTransaction((tx) => acceptTimeStep(tx, { userId, timeStep }));
  assert.equal(await accept(enrolled), false, 'the same step');
  assert.equal(await accept(enrolled - 1), false, 'an earlier step');
  assert.deepEqual((await Promise.all([accept(enrolled + 1), accept(enrolled + 1)])).sort(), [false, true]);
  assert.equal((await getTwoFactorSecret(db, userId))!.lastTimeStep, enrolled + 1);
});

test('new backup codes replace the old ones', async () => {
  await create('dung.pt', 'lanh-dao');
  const { backupCodes } = await enrol('dung.pt');
  const session = await signInKeeping('dung.pt');
  assert.ok((await verifySignInCode(session, backupCodes[0]!, ADDRESS)).ok);
  const renewed = await regenerateBackupCodes(await reread(session), backupCodes[1]!, ADDRESS);
  assert.ok(renewed.ok);
  assert.equal(renewed.value.length, 10);
  const next = await signInKeeping('dung.pt');
  assert.deepEqual(await verifySignInCode(next, backupCodes[2]!, ADDRESS), { ok: false, reason: 'wrong-code' }, 'an old code');
  assert.ok((await verifySignInCode(next, renewed.value[0]!, ADDRESS)).ok);
  assert.ok((await listAuditActions(db, 'dung.pt')).includes('backup-codes-regenerated'));
});

test('wrong codes count toward the password lockout: a right password does not start the count again', async () => {
  await create('em.lt', 'lanh-dao');
  const { backupCodes } = await enrol('em.lt');
  const session = await signInKeeping('em.lt'); // attempt 1 of the window (counted until a code is right)
  for (let i = 0; i < 3; i++) assert.deepEqual(await verifySignInCode(session, `00000${i}`, ADDRESS), { ok: false, reason: 'wrong-code' });
  assert.deepEqual(await verifySignInCode(session, '000009', ADDRESS), { ok: false, reason: 'locked', minutes: 15 });
  assert.deepEqual(await verifySignInCode(session, backupCodes[0]!, ADDRESS), { ok: false, reason: 'locked', minutes: 15 }, 'even a right code');
  const refused = await signInStaff({ username: 'em.lt', password: PASSWORD, address: ADDRESS, headers: new Headers() });
  assert.deepEqual(refused, { ok: false, reason: 'locked', minutes: 15 });
  const actions = await listAuditActions(db, 'em.lt');
  assert.equal(actions.filter((a) => a === 'lockout').length, 1);
});

test('a pending secret belongs to the session that started it: another session of the account can neither read nor confirm it, nor leave it for the owner', async () => {
  await create('gai.ma', 'phong-vien');
  const intruder = await signInKeeping('gai.ma'); // someone who has the password only
  assert.ok(await startEnrolment(intruder));
  const planted = new URL((await getPendingEnrolment(intruder))!.uri).searchParams.get('secret')!;

  const owner = await signInKeeping('gai.ma');
  assert.equal(await getPendingEnrolment(owner), null, 'the owner is offered a fresh start, not the planted secret');
  assert.equal(await confirmEnrolment(owner, generateSync({ secret: planted }), ADDRESS), null, 'nor can confirm it');
  assert.ok(await startEnrolment(owner));
  const own = new URL((await getPendingEnrolment(owner))!.uri).searchParams.get('secret')!;
  assert.notEqual(own, planted);
  assert.equal(await getPendingEnrolment(intruder), null, "the intruder cannot read the owner's secret");
  assert.equal(await confirmEnrolment(intruder, generateSync({ secret: own }), ADDRESS), null, 'nor confirm it');
  assert.ok(await confirmEnrolment(owner, generateSync({ secret: own }), ADDRESS));
  assert.deepEqual((await reread(owner)).twoFactor, { enabled: true, verified: true });
});

test('a right current password on the password form does not forget wrong codes (only a change does)', async () => {
  await create('ich.pv', 'phong-vien');
  const { secret } = await enrol('ich.pv');
  const session = await signInKeeping('ich.pv');
  const verified = await verifySignInCode(session, codeIn(secret, 1), ADDRESS);
  assert.ok(verified.ok);
  for (let i = 0; i < 4; i++) assert.deepEqual(await regenerateBackupCodes(session, `11111${i}`, ADDRESS), { ok: false, reason: 'wrong-code' });
  const mismatch = await changeOwnPassword(session, { current: PASSWORD, next: 'Sông Trà Lý chảy về biển', confirmation: 'khác hẳn' }, ADDRESS);
  assert.equal(mismatch, 'khong-khop');
  assert.deepEqual(await regenerateBackupCodes(session, '111119', ADDRESS), { ok: false, reason: 'locked', minutes: 15 }, 'the fifth wrong code still locks');
  assert.equal(await countSessions(db, session.user.id), 0, 'and the lock ended the sessions');
});

test('a reset removes the secret and the backup codes and signs the user out everywhere; they enrol again', async () => {
  await create('giang.hv', 'lanh-dao');
  const { backupCodes } = await enrol('giang.hv');
  await signInKeeping('giang.hv');
  const user = (await getStaffUserByUsername(db, 'giang.hv'))!;
  assert.equal(await countSessions(db, user.id), 2);
  await withTransaction((tx) => resetStaffTwoFactor(tx, 'giang.hv', { actor: 'quan.tri', address: ADDRESS }));
  assert.equal(await countSessions(db, user.id), 0);
  assert.equal(await getTwoFactorSecret(db, user.id), null);
  const again = await signInKeeping('giang.hv');
  assert.equal(pendingStep(again), 'two-factor-enrol');
  assert.deepEqual(await verifySignInCode(again, backupCodes[0]!, ADDRESS), { ok: false, reason: 'wrong-code' });
  assert.ok((await listAuditActions(db, 'giang.hv')).includes('two-factor-reset'));
  await assert.rejects(
    withTransaction((tx) => resetStaffTwoFactor(tx, 'khong.co', cli)),
    StaffChangeRejected,
  );
});
