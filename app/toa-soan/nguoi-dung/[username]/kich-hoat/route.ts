import { withTransaction } from '@/db/client';
import { enableStaffUser } from '@/db/queries/staff';
import { accountAction, backToAccount } from '../account-action';

// Lets a disabled account sign in again.
export function POST(request: Request, context: RouteContext<'/toa-soan/nguoi-dung/[username]/kich-hoat'>) {
  return accountAction(request, context, async ({ username, by }) => {
    await withTransaction((tx) => enableStaffUser(tx, username, by));
    return 'da-kich-hoat';
  });
}

export const GET = backToAccount;
