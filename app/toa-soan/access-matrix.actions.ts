import type { StaffRole } from '@/lib/staff-roles';

// The newsroom's state-changing requests, for the role × action matrix (access-matrix.contract.test.ts): where
// each posts, what its form sends, on whom it acts and which roles may do it. The expectations are written out
// here, not read from lib/newsroom-permissions.ts: the test checks the permissions, it does not repeat them.

export type NewsroomAction = {
  name: string;
  /** The route handler's module. */
  handler: () => Promise<{ POST: (request: Request) => Promise<Response> }>;
  /** Its URL path, given the username acted on. */
  path: (target: string) => string;
  /** The form fields a browser sends. */
  form: (context: { target: string; password: string }) => Record<string, string>;
  /** Whom it acts on: the signed-in user, or another account of this role. */
  target: 'self' | StaffRole;
  may: (role: StaffRole) => boolean;
};

const everyone = () => true;

export const ACTIONS: NewsroomAction[] = [
  {
    name: 'change their own password',
    handler: () => import('./doi-mat-khau/gui/route'),
    path: () => '/toa-soan/doi-mat-khau/gui',
    form: ({ password }) => ({ current: password, next: 'Sông Trà Lý chảy về biển', confirmation: 'Sông Trà Lý chảy về biển' }),
    target: 'self',
    may: everyone,
  },
];
