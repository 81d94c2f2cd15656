import { ROLE_LABELS, isStaffRole } from '@/lib/staff-roles';

// What the audit log records (db/queries/audit.ts writes the rows) and how /toa-soan/nhat-ky names it. Pure, so
// the page's labels and the list of actions cannot drift apart: every action must have a label (Record).

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'lockout',
  'sign-out',
  'password-changed',
  'account-created',
  'password-set',
  'account-disabled',
  'account-enabled',
  'account-unlocked',
  'role-changed',
  'two-factor-enabled',
  'two-factor-verified',
  'two-factor-failed',
  'backup-code-used',
  'backup-codes-regenerated',
  'two-factor-disabled',
  'two-factor-reset',
  'article-created',
  'article-published',
  'article-updated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'sign-in': 'Đăng nhập',
  'sign-in-failed': 'Đăng nhập thất bại',
  lockout: 'Tạm khóa do đăng nhập sai',
  'sign-out': 'Đăng xuất',
  'password-changed': 'Tự đổi mật khẩu',
  'account-created': 'Tạo tài khoản',
  'password-set': 'Đặt lại mật khẩu',
  'account-disabled': 'Vô hiệu hóa tài khoản',
  'account-enabled': 'Kích hoạt lại tài khoản',
  'account-unlocked': 'Mở khóa tài khoản',
  'role-changed': 'Đổi vai trò, chuyên mục',
  'two-factor-enabled': 'Bật xác thực hai lớp',
  'two-factor-verified': 'Nhập đúng mã xác thực',
  'two-factor-failed': 'Nhập sai mã xác thực',
  'backup-code-used': 'Dùng mã dự phòng',
  'backup-codes-regenerated': 'Tạo lại mã dự phòng',
  'two-factor-disabled': 'Tắt xác thực hai lớp',
  'two-factor-reset': 'Đặt lại xác thực hai lớp',
  'article-created': 'Tạo bài viết',
  'article-published': 'Xuất bản bài viết',
  'article-updated': 'Sửa bài đã xuất bản',
};

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The label of a stored action; an action this version does not know is shown as stored. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}

const FAILURE_REASONS: Record<string, string> = {
  password: 'sai mật khẩu',
  locked: 'tài khoản đang tạm khóa',
  disabled: 'tài khoản đã vô hiệu hóa',
  'unknown-user': 'không có tài khoản này',
  'password-change': 'sai mật khẩu hiện tại khi đổi mật khẩu',
};

type RoleAndCategories = { role?: unknown; categoryIds?: unknown };

function roleText(value: RoleAndCategories, categoryName: (id: number) => string): string {
  const role = typeof value.role === 'string' && isStaffRole(value.role) ? ROLE_LABELS[value.role] : String(value.role ?? '?');
  const ids = Array.isArray(value.categoryIds) ? value.categoryIds.filter((id): id is number => typeof id === 'number') : [];
  return ids.length ? `${role} (${ids.map(categoryName).join(', ')})` : role;
}

/**
 * A row's detail in a sentence for people: the known shapes by name, anything else as `key: value` pairs.
 * `categoryName` names a category id (the page passes the categories it has).
 */
export function summariseAuditDetail(detail: Record<string, unknown> | null, categoryName: (id: number) => string = String): string {
  if (!detail) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(detail)) {
    if (key === 'from' && isObject(value) && isObject(detail.to)) parts.push(`${roleText(value, categoryName)} → ${roleText(detail.to, categoryName)}`);
    else if (key === 'to' && isObject(value) && isObject(detail.from)) continue;
    else if (key === 'role') parts.push(`vai trò: ${roleText(detail, categoryName)}`);
    else if (key === 'categoryIds') continue;
    else if (key === 'reason' && typeof value === 'string') parts.push(`lý do: ${FAILURE_REASONS[value] ?? value}`);
    else if (key === 'minutes') parts.push(`khóa ${String(value)} phút`);
    else if (key === 'mustChangePassword') parts.push(value ? 'mật khẩu dùng một lần' : 'mật khẩu tự đặt');
    else if (key === 'sessionsEnded') parts.push(`${String(value)} phiên bị đăng xuất`);
    else parts.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return parts.join('; ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
