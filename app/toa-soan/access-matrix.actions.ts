import sharp from 'sharp';
import type { EditorDraft } from '@/lib/editor-draft';
import { STAFF_ROLES, type StaffRole } from '@/lib/staff-roles';

// The newsroom's requests, for the role × action matrix (access-matrix.contract.test.ts): what each sends, on what
// it acts, who sends it and what each sender must get. The expectations are written out here, not read from
// lib/newsroom-permissions.ts: the test checks the permissions, it does not repeat them.
// One's own two-factor settings (/toa-soan/bao-mat/*) are left to e2e/newsroom-two-factor.spec.ts: each needs a
// code of the user's own secret.

/** What Next passes a route handler besides the request: the dynamic segments of its path. */
export type RouteParams = { params: Promise<Record<string, string>> };

/** A route module's handlers (method shorthand: each module types its own params). */
export type RouteModule = {
  GET?(request: Request, context: RouteParams): Response | Promise<Response>;
  POST?(request: Request, context: RouteParams): Response | Promise<Response>;
};

/** A request as a browser sends it, before the test adds the session cookie, the Origin and the proxy's headers. */
export type NewsroomRequest = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> };

/** What an action acts on, made before the request. */
export type TargetKind =
  /** The sender's own account. */
  | { kind: 'self' }
  /** Another account of this role, first made disabled, locked, or signed in once (enrolled) when the action needs it. */
  | { kind: 'account'; role: StaffRole; prepare?: 'disable' | 'lock' | 'sign-in' }
  /** An article of category 17 made in the editor by a phong-vien; `published`: then published by a lanh-dao. */
  | { kind: 'article'; status: 'draft' | 'published' };

/** The target as made: an account by its username, an article by its id and current version. */
export type Target = { kind: 'account'; username: string } | { kind: 'article'; id: number; version: number };

/** Who sends the request: a new account of `role` with these categories, or the phong-vien who made the target article. */
export type Actor = { label: string; role: StaffRole; categoryIds: readonly number[]; madeTheTarget?: true };

/**
 * What an allowed request must do (it is never refused nor sent to sign in): change something stored; change it
 * and put the target article on the public site; or change nothing and answer this JSON.
 */
export type Effect = 'changes' | 'publishes' | { answers: unknown };

export type NewsroomAction = {
  name: string;
  handler: () => Promise<RouteModule>;
  request: (context: { target: Target; password: string }) => NewsroomRequest | Promise<NewsroomRequest>;
  target: TargetKind;
  /** Senders beyond one new account of each role (STAFF_ROLES), for cells that turn on more than the role. */
  alsoAs?: Actor[];
  may: (actor: Actor) => boolean;
  /** The status of an allowed request, when the action has one (the account forms answer with a redirect). */
  status?: number;
  effect?: Effect;
  /** The status of a refused request (nothing changes): 403 unless said. */
  refusal?: (actor: Actor) => number;
};

/** One new account of `role`; phong-vien and bien-tap-vien work in category 17. */
export const actorOf = (role: StaffRole): Actor => ({ label: role, role, categoryIds: role === 'phong-vien' || role === 'bien-tap-vien' ? [17] : [] });

/** Every sender of `action`: a new account of each role, then its own. */
export const actorsOf = (action: NewsroomAction): Actor[] => [...STAFF_ROLES.map(actorOf), ...(action.alsoAs ?? [])];

const usernameOf = (target: Target): string => {
  if (target.kind !== 'account') throw new Error('this action acts on an account');
  return target.username;
};

export const articleOf = (target: Target): { id: number; version: number } => {
  if (target.kind !== 'article') throw new Error('this action acts on an article');
  return target;
};

const formPost = (path: string, fields: Record<string, string> = {}): NewsroomRequest => ({
  method: 'POST',
  path,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

const jsonPost = (path: string, value: unknown): NewsroomRequest => ({
  method: 'POST',
  path,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

/** A draft the editor could send, complete enough to be published (category 17). */
export const articleDraft = (title: string): EditorDraft => ({
  title,
  sapo: 'Sáng nay tỉnh khởi công cây cầu nối hai huyện.',
  categoryId: 17,
  byline: 'Minh Anh',
  keywords: ['Giao thông'],
  slug: '',
  leadImage: null,
  body: [{ type: 'paragraph', spans: [{ text: 'Cây cầu dài ' }, { text: '1,2 km', bold: true }, { text: '.' }] }],
});

const everyone = () => true;
const nobody = () => false;
const quanTriOnly = ({ role }: Actor) => role === 'quan-tri';
const lanhDaoOnly = ({ role }: Actor) => role === 'lanh-dao';
const writers = ({ role }: Actor) => role !== 'quan-tri';
let created = 0;
let photos = 0;
let edited = 0;

/** An action of an account's page (/toa-soan/nguoi-dung/<username>/<action>). */
const onAccount = (
  action: string,
  name: string,
  extra: Partial<NewsroomAction> & { handler: NewsroomAction['handler']; fields?: Record<string, string> },
): NewsroomAction => {
  const { fields, ...rest } = extra;
  return {
    name,
    request: ({ target }) => formPost(`/toa-soan/nguoi-dung/${usernameOf(target)}/${action}`, fields),
    target: { kind: 'account', role: 'phong-vien' },
    may: quanTriOnly,
    ...rest,
  };
};

/** A save of the target article through the editor's target `/toa-soan/bai-viet/<id>/<action>`, changing its title. */
const saveArticleTo =
  (action: 'luu' | 'xuat-ban'): NewsroomAction['request'] =>
  ({ target }) => {
    const { id, version } = articleOf(target);
    return jsonPost(`/toa-soan/bai-viet/${id}/${action}`, { baseVersion: version, draft: articleDraft(`Cầu mới nối hai huyện, bản sửa ${++edited}`) });
  };

// Around an article: its maker, and an editor of another category (one of category 17 is among the roles' senders).
const maker: Actor = { label: 'phong-vien who made the article', role: 'phong-vien', categoryIds: [17], madeTheTarget: true };
const editorElsewhere: Actor = { label: 'bien-tap-vien of another category', role: 'bien-tap-vien', categoryIds: [29] };
const reporterElsewhere: Actor = { label: 'phong-vien of another category', role: 'phong-vien', categoryIds: [29] };

export const ACTIONS: NewsroomAction[] = [
  {
    name: 'change their own password',
    handler: () => import('./doi-mat-khau/gui/route'),
    request: ({ password }) =>
      formPost('/toa-soan/doi-mat-khau/gui', { current: password, next: 'Sông Trà Lý chảy về biển', confirmation: 'Sông Trà Lý chảy về biển' }),
    target: { kind: 'self' },
    may: everyone,
  },
  {
    name: 'create an account',
    handler: () => import('./nguoi-dung/moi/gui/route'),
    request: () =>
      formPost('/toa-soan/nguoi-dung/moi/gui', { 'ten-dang-nhap': `moi.tao.${++created}`, 'ho-ten': 'Người Mới', 'vai-tro': 'phong-vien', 'chuyen-muc': '17' }),
    target: { kind: 'self' },
    may: quanTriOnly,
  },
  onAccount('vai-tro', 'change an account’s role and categories', {
    handler: () => import('./nguoi-dung/[username]/vai-tro/route'),
    fields: { 'vai-tro': 'bien-tap-vien', 'chuyen-muc': '17' },
  }),
  onAccount('dat-lai-mat-khau', 'reset an account’s password', { handler: () => import('./nguoi-dung/[username]/dat-lai-mat-khau/route') }),
  onAccount('vo-hieu-hoa', 'disable an account', { handler: () => import('./nguoi-dung/[username]/vo-hieu-hoa/route') }),
  onAccount('kich-hoat', 'enable an account', {
    handler: () => import('./nguoi-dung/[username]/kich-hoat/route'),
    target: { kind: 'account', role: 'phong-vien', prepare: 'disable' },
  }),
  onAccount('mo-khoa', 'unlock an account', {
    handler: () => import('./nguoi-dung/[username]/mo-khoa/route'),
    target: { kind: 'account', role: 'phong-vien', prepare: 'lock' },
  }),
  onAccount('dat-lai-hai-lop', 'reset an account’s two-factor sign-in', {
    handler: () => import('./nguoi-dung/[username]/dat-lai-hai-lop/route'),
    target: { kind: 'account', role: 'lanh-dao', prepare: 'sign-in' },
  }),

  // The editor (issue #17): JSON bodies, as components/newsroom/editor/use-article-saver.ts sends them.
  {
    name: 'create an article in category 17',
    handler: () => import('./bai-viet/route'),
    request: () => jsonPost('/toa-soan/bai-viet', { baseVersion: 0, draft: articleDraft('Thái Bình khởi công cầu mới') }),
    target: { kind: 'self' },
    alsoAs: [reporterElsewhere],
    may: (actor) => writers(actor) && (actor.role === 'lanh-dao' || actor.categoryIds.includes(17)),
    status: 201,
  },
  {
    name: 'save a draft',
    handler: () => import('./bai-viet/[id]/luu/route'),
    request: saveArticleTo('luu'),
    target: { kind: 'article', status: 'draft' },
    alsoAs: [maker, editorElsewhere],
    // Its maker, an editor of its category, a leader; not another reporter of the same category.
    may: (actor) => actor.madeTheTarget === true || actor.role === 'lanh-dao' || (actor.role === 'bien-tap-vien' && actor.categoryIds.includes(17)),
    status: 200,
  },
  {
    name: 'publish a draft',
    handler: () => import('./bai-viet/[id]/xuat-ban/route'),
    request: saveArticleTo('xuat-ban'),
    target: { kind: 'article', status: 'draft' },
    alsoAs: [maker, editorElsewhere],
    may: lanhDaoOnly,
    status: 200,
    effect: 'publishes',
  },
  {
    name: 'save a published article as a draft',
    handler: () => import('./bai-viet/[id]/luu/route'),
    request: saveArticleTo('luu'),
    target: { kind: 'article', status: 'published' },
    alsoAs: [maker, editorElsewhere],
    may: nobody,
    // A leader may change it, through Xuất bản only (409 says so); nobody else may change it at all.
    refusal: (actor) => (actor.role === 'lanh-dao' ? 409 : 403),
  },
  {
    name: 'update a published article',
    handler: () => import('./bai-viet/[id]/xuat-ban/route'),
    request: saveArticleTo('xuat-ban'),
    target: { kind: 'article', status: 'published' },
    alsoAs: [maker, editorElsewhere],
    may: lanhDaoOnly,
    status: 200,
    effect: 'publishes',
  },
  {
    name: 'upload a photo',
    handler: () => import('./anh/route'),
    // A photo of its own each time (the media store is content-addressed: the same bytes would change nothing).
    request: async () => ({
      method: 'POST',
      path: '/toa-soan/anh',
      headers: { 'content-type': 'image/png', 'x-file-name': 'anh-thu.png' },
      body: new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: ++photos % 256, g: 40, b: 90 } } }).png().toBuffer()),
    }),
    target: { kind: 'self' },
    may: writers,
    status: 201,
  },
  {
    name: 'ask for keyword suggestions',
    handler: () => import('./tu-khoa/route'),
    request: () => ({ method: 'GET', path: `/toa-soan/tu-khoa?q=${encodeURIComponent('thai binh')}`, headers: {} }),
    target: { kind: 'self' },
    may: writers,
    status: 200,
    // The test's database has the keyword Thái Bình; the question has no diacritics.
    effect: { answers: { names: ['Thái Bình'] } },
  },
];
