// The newsroom's HTTP rules that pages, route handlers and tests share (docs/decisions/0024-newsroom-accounts.md).

/** `__Host-toa-soan` when the site is served over https (Secure, Path=/, no Domain), `toa-soan` on plain http. */
export function sessionCookieName(siteUrl: string): string {
  return siteUrl.startsWith('https://') ? '__Host-toa-soan' : 'toa-soan';
}

import { PASSWORD_PROBLEMS } from '@/lib/staff-password';

export const NEWSROOM_PATH = '/toa-soan';
export const SIGN_IN_PATH = '/toa-soan/dang-nhap';
export const CHANGE_PASSWORD_PATH = '/toa-soan/doi-mat-khau';
/** The code page of a session that must still give its second factor (docs/decisions/0026-two-factor.md). */
export const TWO_FACTOR_PATH = '/toa-soan/xac-thuc';
/** One's own two-factor settings, and the enrolment page. */
export const SECURITY_PATH = '/toa-soan/bao-mat';
export const ENROL_PATH = '/toa-soan/bao-mat/hai-lop';

/** The error codes the sign-in and password pages show, as carried in their `loi` query parameter. */
export const SIGN_IN_MESSAGES = {
  'sai-thong-tin': 'Tên đăng nhập hoặc mật khẩu không đúng',
  'tam-khoa': 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau {phut} phút, hoặc nhờ quản trị mở khóa.',
  'vo-hieu': 'Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ quản trị.',
  'chua-cau-hinh': 'Tòa soạn chưa được cấu hình (NEWSROOM_SECRET): chưa thể đăng nhập.',
  'het-phien': 'Phiên làm việc đã hết hoặc đã bị đăng xuất. Hãy đăng nhập lại.',
} as const;
export type SignInMessage = keyof typeof SIGN_IN_MESSAGES;

export function signInMessage(code: string | undefined, minutes: string | undefined): string | null {
  // Own keys only: `in` would also find `__proto__`, `toString` and the other properties every object inherits.
  if (!code || !Object.hasOwn(SIGN_IN_MESSAGES, code)) return null;
  const minutesShown = /^\d{1,2}$/.test(minutes ?? '') ? minutes! : '15';
  return SIGN_IN_MESSAGES[code as SignInMessage].replace('{phut}', minutesShown);
}

/** What the password page shows for each `loi` code (the page never shows text taken from its URL). */
export const PASSWORD_CHANGE_MESSAGES = {
  ...PASSWORD_PROBLEMS,
  'sai-mat-khau': 'Mật khẩu hiện tại không đúng.',
  'khong-khop': 'Hai lần nhập mật khẩu mới không khớp.',
  'trung-mat-khau-cu': 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  'tam-khoa': 'Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Hãy đăng nhập lại sau 15 phút, hoặc nhờ quản trị mở khóa.',
} as const;
export type PasswordChangeProblem = keyof typeof PASSWORD_CHANGE_MESSAGES;

export function passwordChangeMessage(code: string | undefined): string | null {
  return code && Object.hasOwn(PASSWORD_CHANGE_MESSAGES, code) ? PASSWORD_CHANGE_MESSAGES[code as PasswordChangeProblem] : null;
}

/** What the code, enrolment and security pages show for each `loi` code. */
export const TWO_FACTOR_MESSAGES = {
  'sai-ma': 'Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.',
  'tam-khoa': 'Tài khoản tạm khóa do nhập sai nhiều lần. Thử lại sau {phut} phút, hoặc nhờ quản trị mở khóa.',
} as const;

export function twoFactorMessage(code: string | undefined, minutes: string | undefined): string | null {
  if (!code || !Object.hasOwn(TWO_FACTOR_MESSAGES, code)) return null;
  const minutesShown = /^\d{1,2}$/.test(minutes ?? '') ? minutes! : '15';
  return TWO_FACTOR_MESSAGES[code as keyof typeof TWO_FACTOR_MESSAGES].replace('{phut}', minutesShown);
}
