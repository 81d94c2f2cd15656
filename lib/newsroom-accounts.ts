import { isStaffRole, type StaffRole } from '@/lib/staff-roles';

// The account pages' fixed messages (/toa-soan/nguoi-dung): a form target answers 303 with `?thong-bao=<code>`
// or `?loi=<code>`, and the page shows only the text of a known code, never text from its URL.

export const ACCOUNTS_PATH = '/toa-soan/nguoi-dung';
export const NEW_ACCOUNT_PATH = '/toa-soan/nguoi-dung/moi';
export const AUDIT_LOG_PATH = '/toa-soan/nhat-ky';

/** An account's page (usernames are [a-z0-9_.], nothing to escape). */
export const accountPath = (username: string) => `${ACCOUNTS_PATH}/${username}`;

/** The form targets of one account, by action (server/newsroom.mjs lets POST through to these names only). */
export const ACCOUNT_ACTIONS = ['vai-tro', 'dat-lai-mat-khau', 'vo-hieu-hoa', 'kich-hoat', 'mo-khoa', 'dat-lai-hai-lop'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];
export const accountActionPath = (username: string, action: AccountAction) => `${accountPath(username)}/${action}`;

export const ACCOUNT_NOTICES = {
  'da-doi-vai-tro': 'Đã đổi vai trò và chuyên mục. Các phiên đăng nhập của người này (nếu vai trò đổi) đã bị đăng xuất.',
  'khong-thay-doi': 'Không có gì thay đổi.',
  'da-vo-hieu-hoa': 'Đã vô hiệu hóa tài khoản; mọi phiên đăng nhập của người này đã bị đăng xuất.',
  'da-kich-hoat': 'Đã kích hoạt lại tài khoản.',
  'da-mo-khoa': 'Đã mở khóa tài khoản.',
  'da-dat-lai-hai-lop': 'Đã đặt lại xác thực hai lớp; mọi phiên đăng nhập của người này đã bị đăng xuất. Lần đăng nhập tới, họ đăng ký lại (nếu vai trò bắt buộc).',
} as const;
export type AccountNotice = keyof typeof ACCOUNT_NOTICES;

/** Why a change was refused (db/queries/staff.ts StaffChangeRejected carries the code); nothing was written. */
export const ACCOUNT_ERRORS = {
  'khong-co': 'Không có tài khoản này.',
  'trung-ten': 'Tên đăng nhập này đã có người dùng.',
  'ten-khong-hop-le': 'Tên đăng nhập gồm 3-30 ký tự a-z, 0-9, dấu chấm hoặc gạch dưới.',
  'ten-danh-rieng': 'Tên đăng nhập này được dành riêng; hãy chọn tên khác.',
  'thieu-ho-ten': 'Hãy nhập họ tên (tối đa 100 ký tự).',
  'vai-tro': 'Hãy chọn một vai trò.',
  'chuyen-muc': 'Có chuyên mục không tồn tại.',
  'chuyen-muc-vai-tro': 'Chỉ phóng viên và biên tập viên có chuyên mục: bỏ chọn chuyên mục hoặc chọn vai trò khác.',
  'tu-ha-quyen': 'Bạn không thể tự bỏ vai trò quản trị của mình; hãy nhờ một quản trị khác.',
  'tu-vo-hieu': 'Bạn không thể tự vô hiệu hóa tài khoản của mình.',
  'tu-dat-lai': 'Mật khẩu của chính bạn được đổi ở trang Đổi mật khẩu.',
  'quan-tri-cuoi': 'Đây là quản trị cuối cùng còn hoạt động: hãy tạo hoặc kích hoạt một quản trị khác trước.',
  'da-vo-hieu': 'Tài khoản này đã bị vô hiệu hóa.',
  'dang-hoat-dong': 'Tài khoản này đang hoạt động.',
  'chua-co-hai-lop': 'Chưa có xác thực hai lớp: chưa có gì để đặt lại.',
  'bieu-mau': 'Biểu mẫu gửi lên không đọc được.',
  'tu-choi': 'Thay đổi bị từ chối; không có gì được ghi lại.',
} as const;
export type AccountError = keyof typeof ACCOUNT_ERRORS;

function lookUp<T extends Record<string, string>>(table: T, code: string | string[] | undefined): string | null {
  const value = Array.isArray(code) ? code[0] : code;
  // Own keys only: `in` would also find `__proto__`, `toString` and the other names every object inherits.
  return value && Object.hasOwn(table, value) ? table[value as keyof T]! : null;
}

export const accountNotice = (code: string | string[] | undefined) => lookUp(ACCOUNT_NOTICES, code);
export const accountError = (code: string | string[] | undefined) => lookUp(ACCOUNT_ERRORS, code);

/** The audit page's `trang` (1 when missing or not a small positive number). */
export function pageNumber(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^[1-9]\d{0,5}$/.test(text) ? Number(text) : 1;
}

/**
 * The role and categories of a form (`vai-tro`, and one `chuyen-muc` per ticked box), or null when the role is
 * missing or unknown, or a category is not an id. Whether the role has categories is the query's rule.
 */
export function readRoleForm(form: URLSearchParams): { role: StaffRole; categoryIds: number[] } | null {
  const role = form.get('vai-tro') ?? '';
  if (!isStaffRole(role)) return null;
  const ids = form.getAll('chuyen-muc');
  if (ids.some((id) => !/^[1-9]\d{0,9}$/.test(id))) return null;
  return { role, categoryIds: ids.map(Number) };
}

/** A row of the account list (db/queries/staff.ts listStaffUsers): who, what they may do, whether they can sign in now. */
export type StaffListEntry = {
  username: string;
  name: string;
  role: StaffRole;
  categories: { id: number; name: string }[];
  lastSignInAt: Date | null;
  /** Until when five failed sign-ins lock it, when that is still ahead of `now`. */
  lockedUntil: Date | null;
  disabled: boolean;
  mustChangePassword: boolean;
};
