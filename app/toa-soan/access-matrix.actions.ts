import type { StaffRole } from '@/lib/staff-roles';

// The newsroom's state-changing requests, for the role × action matrix (access-matrix.contract.test.ts): where
// each posts, what its form sends, on whom it acts and which roles may do it. The expectations are written out
// here, not read from lib/newsroom-permissions.ts: the test checks the permissions, it does not repeat them.
// One's own two-factor settings (/toa-soan/bao-mat/*) are left to e2e/newsroom-two-factor.spec.ts: each needs a
// code of the user's own secret.

export type NewsroomAction = {
  name: string;
  /** The route handler's module (account actions take the username from the path, as Next passes it). */
  handler: () => Promise<{ POST: (request: Request, context: { params: Promise<{ username: string }> }) => Promise<Response> }>;
  /** Its URL path, given the username acted on. */
  path: (target: string) => string;
  /** The form fields a browser sends. */
  form: (context: { target: string; password: string }) => Record<string, string>;
  /** Whom it acts on: the signed-in user, or another account of this role. */
  target: 'self' | StaffRole;
  /** What the target must be for the action to change something (disabled, locked...), made before the request. */
  prepare?: 'disable' | 'lock' | 'sign-in';
  may: (role: StaffRole) => boolean;
};

const everyone = () => true;
const quanTriOnly = (role: StaffRole) => role === 'quan-tri';
let created = 0;

/** An action of an account's page (/toa-soan/nguoi-dung/<username>/<action>). */
const onAccount = (
  action: string,
  name: string,
  extra: Partial<NewsroomAction> & { handler: NewsroomAction['handler'] },
): NewsroomAction => ({
  name,
  path: (target) => `/toa-soan/nguoi-dung/${target}/${action}`,
  form: () => ({}),
  target: 'phong-vien',
  may: quanTriOnly,
  ...extra,
});

export const ACTIONS: NewsroomAction[] = [
  {
    name: 'change their own password',
    handler: () => import('./doi-mat-khau/gui/route'),
    path: () => '/toa-soan/doi-mat-khau/gui',
    form: ({ password }) => ({ current: password, next: 'Sông Trà Lý chảy về biển', confirmation: 'Sông Trà Lý chảy về biển' }),
    target: 'self',
    may: everyone,
  },
  {
    name: 'create an account',
    handler: () => import('./nguoi-dung/moi/gui/route'),
    path: () => '/toa-soan/nguoi-dung/moi/gui',
    form: () => ({ 'ten-dang-nhap': `moi.tao.${++created}`, 'ho-ten': 'Người Mới', 'vai-tro': 'phong-vien', 'chuyen-muc': '17' }),
    target: 'self',
    may: quanTriOnly,
  },
  onAccount('vai-tro', 'change an account’s role and categories', {
    handler: () => import('./nguoi-dung/[username]/vai-tro/route'),
    form: () => ({ 'vai-tro': 'bien-tap-vien', 'chuyen-muc': '17' }),
  }),
  onAccount('dat-lai-mat-khau', 'reset an account’s password', { handler: () => import('./nguoi-dung/[username]/dat-lai-mat-khau/route') }),
  onAccount('vo-hieu-hoa', 'disable an account', { handler: () => import('./nguoi-dung/[username]/vo-hieu-hoa/route') }),
  onAccount('kich-hoat', 'enable an account', { handler: () => import('./nguoi-dung/[username]/kich-hoat/route'), prepare: 'disable' }),
  onAccount('mo-khoa', 'unlock an account', { handler: () => import('./nguoi-dung/[username]/mo-khoa/route'), prepare: 'lock' }),
  onAccount('dat-lai-hai-lop', 'reset an account’s two-factor sign-in', {
    handler: () => import('./nguoi-dung/[username]/dat-lai-hai-lop/route'),
    target: 'lanh-dao',
    prepare: 'sign-in',
  }),
];
