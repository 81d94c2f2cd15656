import { withTransaction } from '@/db/client';
import { createStaffUser, StaffChangeRejected } from '@/db/queries/staff';
import { accountPath, NEW_ACCOUNT_PATH, readRoleForm, type AccountError } from '@/lib/newsroom-accounts';
import { readForm, seeOther, shownOnce } from '@/lib/newsroom-responses';
import { canManageAccounts } from '@/lib/newsroom-permissions';
import { hashPassword } from '@/lib/password-hash';
import { clientAddress } from '@/lib/rate-limit';
import { generateOneTimePassword, normalizeUsername, usernameProblem } from '@/lib/staff-password';
import { authorizeRequest } from '../../../access';

// The new-account form's target: the account gets a one-time password made here (as staff:create does without
// --password-stdin), shown once in the answer and to be changed at the first sign-in; only its hash is kept.

const refused = (code: AccountError) => seeOther(`${NEW_ACCOUNT_PATH}?loi=${code}`);

export async function POST(request: Request) {
  const session = await authorizeRequest(request, canManageAccounts);
  if (session instanceof Response) return session;
  const form = await readForm(request);
  if (!form) return refused('bieu-mau');
  const username = normalizeUsername(form.get('ten-dang-nhap') ?? '');
  const name = (form.get('ho-ten') ?? '').trim();
  const fields = readRoleForm(form);
  if (usernameProblem(username)) return refused('ten-khong-hop-le');
  if (!name || name.length > 100) return refused('thieu-ho-ten');
  if (!fields) return refused('vai-tro');
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  const by = { actor: session.user.username, address: clientAddress(request.headers.get('x-forwarded-for')) };
  try {
    await withTransaction((tx) => createStaffUser(tx, { username, name, ...fields, passwordHash, mustChangePassword: true }, by));
  } catch (error) {
    if (error instanceof StaffChangeRejected) return refused(error.code);
    throw error;
  }
  return shownOnce({
    title: 'Đã tạo tài khoản',
    lead: `Mật khẩu dùng một lần của ${username}: đưa cho người này qua một kênh riêng. Họ phải đổi nó ngay lần đăng nhập đầu tiên.`,
    secrets: [password],
    next: { href: accountPath(username), label: 'Xem tài khoản vừa tạo' },
  });
}

/** Only forms post here; a reload or a typed URL goes back to the form. */
export async function GET(request: Request) {
  const session = await authorizeRequest(request, canManageAccounts);
  if (session instanceof Response) return session;
  return seeOther(NEW_ACCOUNT_PATH);
}
