import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq, gt } from 'drizzle-orm';
import { withTransaction, type Db } from '@/db/client';
import { generateSync } from 'otplib';
import { pendingStep } from '@/db/newsroom-access';
import { getStaffSession, signInStaff } from '@/db/newsroom-sessions';
import { confirmEnrolment, getPendingEnrolment, startEnrolment, verifySignInCode } from '@/db/newsroom-two-factor';
import { auditLog, staffAccounts, staffSessions, staffUserCategories, staffUsers } from '@/db/schema';
import { createStaffUser } from '@/db/queries/staff';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';
import { getEnv } from '@/env';
import { hashPassword } from '@/lib/password-hash';
import { STAFF_ROLES, type StaffRole } from '@/lib/staff-roles';
import { ACTIONS, type NewsroomAction } from './access-matrix.actions';

// Every role × every state-changing newsroom action, called on the server as a browser's POST would arrive (the
// route handler itself, not the UI), on both engines: an allowed action changes something, a refused one answers
// 403 and changes nothing. Then the requests that must never act: no session, an expired session, a forged
// cookie, a foreign or null Origin. The actions and who may do them: ./access-matrix.actions.ts.

let db: Db;
let cleanup: () => Promise<void>;
const PASSWORD = 'Ruộng lúa quê hương 2026';
const cli = { actor: 'cli', address: null };
const origin = () => new URL(getEnv().siteUrl).origin;
let made = 0;

async function makeUser(role: StaffRole, prefix = 'u'): Promise<string> {
  const username = `${prefix}.${role.replace(/-/g, '')}.${++made}`;
  const passwordHash = await hashPassword(PASSWORD);
  const categoryIds = role === 'phong-vien' || role === 'bien-tap-vien' ? [17] : [];
  await withTransaction((tx) => createStaffUser(tx, { username, name: `Người ${made}`, role, categoryIds, passwordHash, mustChangePassword: false }, cli));
  return username;
}

// Backup codes of the accounts enrolled so far: a later sign-in of the same account gives one as its code.
const backupCodes = new Map<string, string[]>();

/**
 * The cookie header of a fresh, fully signed-in session of `username`: the two-factor steps its role requires
 * are done as the pages would do them (enrolment with a computed code, then a backup code at later sign-ins).
 */
async function cookieOf(username: string): Promise<string> {
  const outcome = await signInStaff({ username, password: PASSWORD, address: '10.9.9.9', headers: new Headers() });
  assert.ok(outcome.ok, `${username} signs in`);
  const cookie = outcome.setCookie.map((c) => c.split(';', 1)[0]).join('; ');
  const session = (await getStaffSession(new Headers({ cookie })))!;
  const step = pendingStep(session);
  if (step === 'two-factor-enrol') {
    assert.ok(await startEnrolment(session));
    const secret = new URL((await getPendingEnrolment(session))!.uri).searchParams.get('secret')!;
    backupCodes.set(username, (await confirmEnrolment(session, generateSync({ secret }), '10.9.9.9'))!);
  } else if (step === 'two-factor') {
    const code = backupCodes.get(username)!.pop()!;
    assert.deepEqual(await verifySignInCode(session, code, '10.9.9.9'), { ok: true, value: undefined });
  }
  assert.equal(pendingStep((await getStaffSession(new Headers({ cookie })))!), null, `${username} is fully signed in`);
  return cookie;
}

/** What Next passes a handler of /toa-soan/nguoi-dung/[username]/… (the others ignore it). */
const paramsOf = (username: string) => ({ params: Promise.resolve({ username }) });

/** The target made ready for the action to change something: disabled, locked, or signed in once (enrolled). */
async function prepared(action: NewsroomAction, username: string): Promise<string> {
  if (action.prepare === 'disable') await db.update(staffUsers).set({ disabled: true }).where(eq(staffUsers.username, username));
  if (action.prepare === 'lock') await db.update(staffUsers).set({ lockedUntil: new Date(Date.now() + 600_000) }).where(eq(staffUsers.username, username));
  if (action.prepare === 'sign-in') await cookieOf(username);
  return username;
}

/** A form post of `action` on `target`; `from`: the Origin header (`null` sends `Origin: null`, `'none'` none). */
function post(action: NewsroomAction, target: string, { cookie, from = origin() }: { cookie?: string; from?: string | null | 'none' }): Request {
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.9.9.9' });
  if (cookie) headers.set('cookie', cookie);
  if (from !== 'none') headers.set('origin', from ?? 'null');
  const body = new URLSearchParams(action.form({ target, password: PASSWORD })).toString();
  return new Request(`${getEnv().siteUrl}${action.path(target)}`, { method: 'POST', headers, body });
}

/**
 * Everything an action could change, as one comparable value. Sessions: the live ones (reading an expired
 * session deletes its row, as better-auth does: that changes nothing anyone could use).
 */
async function state(): Promise<string> {
  const [users, categories, accounts, audit] = await Promise.all([
    db.select().from(staffUsers).orderBy(asc(staffUsers.id)),
    db.select().from(staffUserCategories).orderBy(asc(staffUserCategories.userId), asc(staffUserCategories.categoryId)),
    db.select({ userId: staffAccounts.userId, password: staffAccounts.password }).from(staffAccounts).orderBy(asc(staffAccounts.userId)),
    db.$count(auditLog),
  ]);
  const sessions = await db
    .select({ id: staffSessions.id, userId: staffSessions.userId })
    .from(staffSessions)
    .where(gt(staffSessions.expiresAt, new Date()))
    .orderBy(asc(staffSessions.id));
  return JSON.stringify({ users, categories, accounts, audit, sessions });
}

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [
    { id: 17, name: 'Thời sự' },
    { id: 29, name: 'Kinh tế' },
  ]);
});
after(() => cleanup());

describe('every role × every newsroom action', () => {
  for (const action of ACTIONS) {
    for (const role of STAFF_ROLES) {
      const allowed = action.may(role);
      test(`${role} ${allowed ? 'may' : 'may not'} ${action.name}`, async () => {
        const actor = await makeUser(role, 'actor');
        const target = action.target === 'self' ? actor : await prepared(action, await makeUser(action.target, 'target'));
        const cookie = await cookieOf(actor);
        const before = await state();
        const response = await (await action.handler()).POST(post(action, target, { cookie }), paramsOf(target));
        if (allowed) {
          assert.notEqual(response.status, 403, 'not refused');
          assert.doesNotMatch(response.headers.get('location') ?? '', /dang-nhap/, 'not sent to sign in');
          assert.notEqual(await state(), before, 'it changed something');
        } else {
          assert.equal(response.status, 403);
          assert.equal(await state(), before, 'nothing changed');
        }
      });
    }
  }
});

describe('requests that must never act', () => {
  for (const action of ACTIONS) {
    test(`${action.name}: no session, an expired one, a forged cookie, a foreign or null Origin change nothing`, async () => {
      const role = STAFF_ROLES.find((r) => action.may(r))!;
      const actor = await makeUser(role, 'never');
      const target = action.target === 'self' ? actor : await prepared(action, await makeUser(action.target, 'never.target'));
      const cookie = await cookieOf(actor);
      // The cookie holds `<token>.<signature>`: a signature that is not the server's, and a session past its end.
      const forged = cookie.replace(/\.([^.;]+)$/, (_, signature: string) => `.${signature.slice(0, -6)}AAAAAA`);
      const expired = await cookieOf(actor);
      const token = decodeURIComponent(expired.split('=')[1]!).split('.')[0]!;
      await db.update(staffSessions).set({ expiresAt: new Date(Date.now() - 3600_000) }).where(eq(staffSessions.token, token));

      const handler = await action.handler();
      for (const [label, request, status] of [
        ['no session', post(action, target, {}), 303],
        ['an expired session', post(action, target, { cookie: expired }), 303],
        ['a forged cookie', post(action, target, { cookie: forged }), 303],
        ['a foreign Origin', post(action, target, { cookie, from: 'https://evil.example' }), 403],
        ['a null Origin', post(action, target, { cookie, from: null }), 403],
        ['no Origin', post(action, target, { cookie, from: 'none' }), 403],
      ] as const) {
        const before = await state();
        const response = await handler.POST(request, paramsOf(target));
        assert.equal(response.status, status, label);
        if (status === 303) assert.match(response.headers.get('location') ?? '', /\/toa-soan\/dang-nhap/, `${label}: sent to sign in`);
        assert.equal(await state(), before, `${label}: nothing changed`);
      }
    });
  }
});
