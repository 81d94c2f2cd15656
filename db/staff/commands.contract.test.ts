import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withTransaction, type Db } from '@/db/client';
import { listAuditActions } from '@/db/queries/audit';
import { getPasswordHash, getStaffUserByUsername } from '@/db/queries/staff';
import { startTwoFactorEnrolment } from '@/db/queries/two-factor';
import { runStaffCommand } from '@/db/staff/commands';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';
import { verifyPassword } from '@/lib/password-hash';

let db: Db;
let cleanup: () => Promise<void>;

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [
    { id: 17, name: 'Thời sự' },
    { id: 29, name: 'Kinh tế' },
  ]);
});
after(() => cleanup());

async function run(argv: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runStaffCommand(argv, { readStdin: async () => stdin, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('staff:create with --password-stdin stores an argon2id hash of the piped password', async () => {
  const result = await run(
    ['create', '--username', 'Lan.NT', '--name', 'Nguyễn Thị Lan', '--role', 'bien-tap-vien', '--categories', '17,29', '--password-stdin'],
    'Đồng lúa Thái Bình\n',
  );
  assert.equal(result.code, 0, result.err);
  const user = await getStaffUserByUsername(db, 'lan.nt');
  assert.deepEqual([user?.name, user?.role, user?.categoryIds, user?.mustChangePassword], ['Nguyễn Thị Lan', 'bien-tap-vien', [17, 29], false]);
  const stored = await getPasswordHash(db, user!.id);
  assert.match(stored!, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.ok(await verifyPassword({ hash: stored!, password: 'Đồng lúa Thái Bình' }));
  assert.doesNotMatch(result.out, /Đồng lúa/, 'the password is never printed');
});

test('without --password-stdin a one-time password is printed once and must be changed', async () => {
  const result = await run(['create', '--username', 'quantri', '--name', 'Trần Quản Trị', '--role', 'quan-tri']);
  assert.equal(result.code, 0, result.err);
  const oneTime = /One-time password[^:]*: (\S+)/.exec(result.out)?.[1];
  assert.ok(oneTime);
  const user = await getStaffUserByUsername(db, 'quantri');
  assert.equal(user?.mustChangePassword, true);
  assert.ok(await verifyPassword({ hash: (await getPasswordHash(db, user!.id))!, password: oneTime }));
});

test('short and common passwords, bad usage and taken usernames change nothing', async () => {
  const create = (username: string) => ['create', '--username', username, '--name', 'X Y', '--role', 'phong-vien', '--password-stdin'];
  assert.equal((await run(create('ngan'), 'ngan-qua\n')).code, 1);
  assert.match((await run(create('pho.bien'), 'password1234\n')).err, /quá phổ biến/);
  assert.equal((await run(['create', '--username', 'x1', '--name', 'X', '--role', 'phong-vien'])).code, 2);
  assert.equal((await run(['create', '--username', 'vaitro', '--name', 'X', '--role', 'admin'])).code, 2);
  assert.equal((await run(['create', '--username', 'ld', '--name', 'X', '--role', 'lanh-dao', '--categories', '17'])).code, 2);
  assert.equal((await run(['create', '--username', 'lan.nt', '--name', 'X', '--role', 'phong-vien'])).code, 1);
  assert.equal((await run(['xoa', '--username', 'lan.nt'])).code, 2);
  for (const username of ['ngan', 'pho.bien', 'vaitro', 'ld']) assert.equal(await getStaffUserByUsername(db, username), null);
});

test('set-password, disable and unlock change the account and are audited as the command line', async () => {
  assert.equal((await run(['set-password', '--username', 'lan.nt', '--password-stdin'], 'mật khẩu mới của Lan\n')).code, 0);
  const user = await getStaffUserByUsername(db, 'lan.nt');
  assert.ok(await verifyPassword({ hash: (await getPasswordHash(db, user!.id))!, password: 'mật khẩu mới của Lan' }));
  assert.equal((await run(['unlock', '--username', 'lan.nt'])).code, 0);
  assert.equal((await run(['disable', '--username', 'lan.nt'])).code, 0);
  assert.equal((await getStaffUserByUsername(db, 'lan.nt'))?.disabled, true);
  assert.equal((await run(['disable', '--username', 'khong.co'])).code, 1);
  assert.deepEqual(await listAuditActions(db, 'lan.nt'), ['account-created', 'password-set', 'account-unlocked', 'account-disabled']);
});

test('staff:reset-two-factor removes a user\'s second factor and signs them out; an unknown user is refused', async () => {
  const created = await run(['create', '--username', 'mat.dt', '--name', 'Lê Mất Điện Thoại', '--role', 'quan-tri', '--password-stdin'], 'Đồng lúa Thái Bình\n');
  assert.equal(created.code, 0, created.err);
  const nothing = await run(['reset-two-factor', '--username', 'mat.dt']);
  assert.equal(nothing.code, 1, 'nothing to reset before enrolment');
  const user = (await getStaffUserByUsername(db, 'mat.dt'))!;
  await withTransaction((tx) => startTwoFactorEnrolment(tx, { userId: user.id, secretSealed: 'sealed-secret', now: new Date() }));
  const result = await run(['reset-two-factor', '--username', 'Mat.DT']);
  assert.equal(result.code, 0, result.err);
  assert.match(result.out, /two-factor sign-in of mat\.dt reset/);
  assert.deepEqual((await listAuditActions(db, 'mat.dt')).slice(-1), ['two-factor-reset']);
  const unknown = await run(['reset-two-factor', '--username', 'khong.co']);
  assert.equal(unknown.code, 1);
  assert.equal((await run(['reset-two-factor'])).code, 2);
});
