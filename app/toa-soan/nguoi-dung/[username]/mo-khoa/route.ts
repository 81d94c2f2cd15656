import { withTransaction } from '@/db/client';
import { unlockStaffUser } from '@/db/queries/staff';
import { accountAction, backToAccount } from '../account-action';

// Lifts a lockout (five failed sign-ins) before its 15 minutes are up.
export function POST(request: Request, context: RouteContext<'/toa-soan/nguoi-dung/[username]/mo-khoa'>) {
  return accountAction(request, context, async ({ username, by }) => {
    await withTransaction((tx) => unlockStaffUser(tx, username, by));
    return 'da-mo-khoa';
  });
}

export const GET = backToAccount;
