import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { asc, eq, gt } from 'drizzle-orm';
import { withTransaction, type Db } from '@/db/client';
import { generateSync } from 'otplib';
import { pendingStep } from '@/db/newsroom-access';
import { saveFromEditor } from '@/db/newsroom-articles';
import { getStaffSession, signInStaff, type StaffSession } from '@/db/newsroom-sessions';
import { confirmEnrolment, getPendingEnrolment, startEnrolment, verifySignInCode } from '@/db/newsroom-two-factor';
import {
  articleKeywords,
  articles,
  auditLog,
  cacheInvalidations,
  images,
  keywords,
  staffAccounts,
  staffSessions,
  staffUserCategories,
  staffUsers,
} from '@/db/schema';
import { getArticleDetail } from '@/db/queries/articles';
import { createStaffUser } from '@/db/queries/staff';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';
import { getEnv } from '@/env';
import { hashPassword } from '@/lib/password-hash';
import { ACTIONS, actorOf, actorsOf, articleDraft, articleOf, type Actor, type NewsroomAction, type RouteParams, type Target } from './access-matrix.actions';

// Every role × every newsroom action, called on the server as a browser's request would arrive (the route handler
// itself, not the UI), on both engines: an allowed action does what it is for (changes something, publishes, answers),
// a refused one answers 403 (or its own refusal) and changes nothing. Then the requests that must never act: no
// session, an expired session, a forged cookie, a foreign, null or missing Origin, whatever the body (a form, JSON).
// The actions, their senders and what each must get: ./access-matrix.actions.ts.

let db: Db;
let cleanup: () => Promise<void>;
const PASSWORD = 'Ruộng lúa quê hương 2026';
const cli = { actor: 'cli', address: null };
const origin = () => new URL(getEnv().siteUrl).origin;
let made = 0;

async function makeUser({ role, categoryIds }: Actor, prefix = 'u'): Promise<string> {
  const username = `${prefix}.${role.replace(/-/g, '')}.${++made}`;
  const passwordHash = await hashPassword(PASSWORD);
  await withTransaction((tx) => createStaffUser(tx, { username, name: `Người ${made}`, role, categoryIds: [...categoryIds], passwordHash, mustChangePassword: false }, cli));
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

/** What Next passes the handler from the path: the account's username or the article's id. */
const paramsOf = (target: Target): RouteParams => ({
  params: Promise.resolve<Record<string, string>>(target.kind === 'account' ? { username: target.username } : { id: String(target.id) }),
});

const sessionOf = async (username: string): Promise<StaffSession> => (await getStaffSession(new Headers({ cookie: await cookieOf(username) })))!;

// The lanh-dao who publishes the articles the published-article actions start from (signed in once).
let publisher: Promise<StaffSession> | null = null;

/** An article of category 17 saved in the editor by `maker` (a phong-vien), then published when asked. */
async function makeArticle(maker: string, status: 'draft' | 'published'): Promise<Target> {
  const save = (session: StaffSession, id: number | null, baseVersion: number, publish: boolean) =>
    saveFromEditor({ session, id, save: { baseVersion, draft: articleDraft('Thái Bình khởi công cầu mới') }, publish, address: null, mediaDir: getEnv().mediaPath });
  const draft = await save(await sessionOf(maker), null, 0, false);
  assert.ok(draft.ok, `the article is made: ${JSON.stringify(draft)}`);
  if (status === 'draft') return { kind: 'article', id: draft.answer.id, version: draft.answer.version };
  publisher ??= makeUser(actorOf('lanh-dao'), 'publisher').then(sessionOf);
  const published = await save(await publisher, draft.answer.id, draft.answer.version, true);
  assert.ok(published.ok, `the article is published: ${JSON.stringify(published)}`);
  return { kind: 'article', id: published.answer.id, version: published.answer.version };
}

/**
 * The sender's account and the target made ready for the action to change something: the sender itself; another
 * account, disabled, locked or signed in once (enrolled); or an article, made by the sender when it is the maker.
 */
async function setUp(action: NewsroomAction, actor: Actor, prefix: string): Promise<{ username: string; target: Target }> {
  const username = await makeUser(actor, prefix);
  const spec = action.target;
  if (spec.kind === 'self') return { username, target: { kind: 'account', username } };
  if (spec.kind === 'article') {
    const maker = actor.madeTheTarget ? username : await makeUser(actorOf('phong-vien'), `${prefix}.maker`);
    return { username, target: await makeArticle(maker, spec.status) };
  }
  const target = await makeUser(actorOf(spec.role), `${prefix}.target`);
  if (spec.prepare === 'disable') await db.update(staffUsers).set({ disabled: true }).where(eq(staffUsers.username, target));
  if (spec.prepare === 'lock') await db.update(staffUsers).set({ lockedUntil: new Date(Date.now() + 600_000) }).where(eq(staffUsers.username, target));
  if (spec.prepare === 'sign-in') await cookieOf(target);
  return { username, target: { kind: 'account', username: target } };
}

/**
 * `action`'s request on `target` handed to its route handler, with the proxy's headers; `from`: the Origin header
 * (`null` sends `Origin: null`, `'none'` none).
 */
async function send(action: NewsroomAction, target: Target, { cookie, from = origin() }: { cookie?: string; from?: string | null | 'none' }) {
  const sent = await action.request({ target, password: PASSWORD });
  const headers = new Headers({ ...sent.headers, 'x-forwarded-for': '10.9.9.9' });
  if (cookie) headers.set('cookie', cookie);
  if (from !== 'none') headers.set('origin', from ?? 'null');
  const route = await action.handler();
  const handle = sent.method === 'GET' ? route.GET : route.POST;
  assert.ok(handle, `${action.name}: its route answers ${sent.method}`);
  const request = new Request(`${getEnv().siteUrl}${sent.path}`, { method: sent.method, headers, body: sent.body });
  return { method: sent.method, response: await handle.call(route, request, paramsOf(target)) };
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
  const [stories, storyKeywords, keywordNames, photos, invalidations] = await Promise.all([
    db.select().from(articles).orderBy(asc(articles.id)),
    db.select().from(articleKeywords).orderBy(asc(articleKeywords.articleId), asc(articleKeywords.position)),
    db.select().from(keywords).orderBy(asc(keywords.id)),
    db.$count(images),
    db.$count(cacheInvalidations),
  ]);
  const sessions = await db
    .select({ id: staffSessions.id, userId: staffSessions.userId })
    .from(staffSessions)
    .where(gt(staffSessions.expiresAt, new Date()))
    .orderBy(asc(staffSessions.id));
  // The media store too: an upload adds a file and nothing else.
  const mediaDir = getEnv().mediaPath;
  const media = fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir).sort() : [];
  return JSON.stringify({ users, categories, accounts, audit, sessions, stories, storyKeywords, keywordNames, photos, invalidations, media });
}

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [
    { id: 17, name: 'Thời sự' },
    { id: 29, name: 'Kinh tế' },
  ]);
  // What the keyword suggestions find.
  await db.insert(keywords).values({ slug: 'thai-binh', name: 'Thái Bình' });
});
after(() => cleanup());

/** Asserts that the allowed request did what `action` is for. */
async function assertDone(action: NewsroomAction, target: Target, response: Response, before: string): Promise<void> {
  assert.notEqual(response.status, 403, 'not refused');
  assert.doesNotMatch(response.headers.get('location') ?? '', /dang-nhap/, 'not sent to sign in');
  if (action.status !== undefined) assert.equal(response.status, action.status);
  const effect = action.effect ?? 'changes';
  if (typeof effect === 'object') {
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(await response.json(), effect.answers);
    assert.equal(await state(), before, 'a read changes nothing');
    return;
  }
  assert.notEqual(await state(), before, 'it changed something');
  if (effect === 'publishes') assert.notEqual(await getArticleDetail(articleOf(target).id), null, 'the article is on the public site');
}

describe('every role × every newsroom action', () => {
  for (const action of ACTIONS) {
    for (const actor of actorsOf(action)) {
      const allowed = action.may(actor);
      test(`${actor.label} ${allowed ? 'may' : 'may not'} ${action.name}`, async () => {
        const { username, target } = await setUp(action, actor, 'actor');
        const cookie = await cookieOf(username);
        const before = await state();
        const { response } = await send(action, target, { cookie });
        if (allowed) {
          await assertDone(action, target, response, before);
        } else {
          assert.equal(response.status, action.refusal?.(actor) ?? 403);
          assert.equal(await state(), before, 'nothing changed');
          if (action.target.kind === 'article' && action.target.status === 'draft') {
            assert.equal(await getArticleDetail(articleOf(target).id), null, 'the draft is still not public');
          }
        }
      });
    }
  }
});

describe('requests that must never act', () => {
  for (const action of ACTIONS) {
    test(`${action.name}: no session, an expired one, a forged cookie, a foreign or null Origin change nothing`, async () => {
      // A sender who may do it (for an action nobody may do, lanh-dao, whom only its own rule stops: 409).
      const actor = actorsOf(action).find((a) => action.may(a)) ?? actorOf('lanh-dao');
      const { username, target } = await setUp(action, actor, 'never');
      const cookie = await cookieOf(username);
      // The cookie holds `<token>.<signature>`: a signature that is not the server's, and a session past its end.
      const forged = cookie.replace(/\.([^.;]+)$/, (_, signature: string) => `.${signature.slice(0, -6)}AAAAAA`);
      const expired = await cookieOf(username);
      const token = decodeURIComponent(expired.split('=')[1]!).split('.')[0]!;
      await db.update(staffSessions).set({ expiresAt: new Date(Date.now() - 3600_000) }).where(eq(staffSessions.token, token));

      for (const [label, options, status] of [
        ['no session', {}, 303],
        ['an expired session', { cookie: expired }, 303],
        ['a forged cookie', { cookie: forged }, 303],
        ['a foreign Origin', { cookie, from: 'https://evil.example' }, 403],
        ['a null Origin', { cookie, from: null }, 403],
        ['no Origin', { cookie, from: 'none' }, 403],
      ] as const) {
        const before = await state();
        const { method, response } = await send(action, target, options);
        if (status === 303 || method !== 'GET') assert.equal(response.status, status, label);
        else {
          // A read is not refused for its Origin (a link from elsewhere may open it); the page of another origin that
          // asked still cannot read the answer: it allows no other origin.
          assert.equal(response.status, action.status, label);
          assert.equal(response.headers.get('access-control-allow-origin'), null, `${label}: no other origin may read it`);
        }
        if (status === 303) assert.match(response.headers.get('location') ?? '', /\/toa-soan\/dang-nhap/, `${label}: sent to sign in`);
        assert.equal(await state(), before, `${label}: nothing changed`);
      }
    });
  }
});
