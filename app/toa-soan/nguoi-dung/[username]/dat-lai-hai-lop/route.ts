import { withTransaction } from '@/db/client';
import { resetStaffTwoFactorPlaceholder } from '@/db/queries/staff';
import { accountAction, backToAccount } from '../account-action';

// Resets the account's two-factor sign-in. Until two-factor sign-in is merged the placeholder refuses, and the
// page says so (MERGE: call resetStaffTwoFactor from the two-factor branch here, and name its notice).
export function POST(request: Request, context: RouteContext<'/toa-soan/nguoi-dung/[username]/dat-lai-hai-lop'>) {
  return accountAction(request, context, ({ username, by }) => withTransaction((tx) => resetStaffTwoFactorPlaceholder(tx, username, by)));
}

export const GET = backToAccount;
