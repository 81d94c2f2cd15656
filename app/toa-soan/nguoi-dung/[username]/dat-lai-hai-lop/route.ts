import { withTransaction } from '@/db/client';
import { resetStaffTwoFactor } from '@/db/queries/two-factor';
import { accountAction, backToAccount } from '../account-action';

// Resets the account's two-factor sign-in (a lost phone): its secret and backup codes are removed and every
// session of it ends; a role that requires two-factor sign-in enrols again at the next sign-in.
export function POST(request: Request, context: RouteContext<'/toa-soan/nguoi-dung/[username]/dat-lai-hai-lop'>) {
  return accountAction(request, context, async ({ username, by }) => {
    await withTransaction((tx) => resetStaffTwoFactor(tx, username, by));
    return 'da-dat-lai-hai-lop';
  });
}

export const GET = backToAccount;
