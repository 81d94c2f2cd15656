import { withTransaction } from '@/db/client';
import { resetStaffPassword } from '@/db/queries/staff';
import { accountPath } from '@/lib/newsroom-accounts';
import { shownOnce } from '@/lib/newsroom-responses';
import { hashPassword } from '@/lib/password-hash';
import { generateOneTimePassword } from '@/lib/staff-password';
import { accountAction, backToAccount } from '../account-action';

// Gives the account a new one-time password, shown once in this answer (only its hash is kept): every session of
// the account is signed out, and the next sign-in must choose a new password.
export function POST(request: Request, context: RouteContext<'/toa-soan/nguoi-dung/[username]/dat-lai-mat-khau'>) {
  return accountAction(request, context, async ({ username, by }) => {
    const password = generateOneTimePassword();
    // Hashed before the transaction: nothing slow runs inside one (docs/decisions/0024-newsroom-accounts.md).
    const passwordHash = await hashPassword(password);
    await withTransaction((tx) => resetStaffPassword(tx, { username, passwordHash }, by));
    return shownOnce({
      title: 'Mật khẩu dùng một lần mới',
      lead: `Mật khẩu mới của ${username}: đưa cho người này qua một kênh riêng. Họ phải đổi nó ngay lần đăng nhập tới; các phiên đăng nhập cũ đã bị đăng xuất.`,
      secrets: [password],
      next: { href: accountPath(username), label: 'Về trang tài khoản' },
    });
  });
}

export const GET = backToAccount;
