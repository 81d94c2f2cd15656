import { withTransaction } from '@/db/client';
import { disableStaffUser } from '@/db/queries/staff';
import { accountAction, backToAccount } from '../account-action';

// Disables the account and signs out every session of it (not one's own, not the last enabled quan-tri).
export function POST(request: Request, context: RouteContext<'/toa-soan/nguoi-dung/[username]/vo-hieu-hoa'>) {
  return accountAction(request, context, async ({ username, by }) => {
    await withTransaction((tx) => disableStaffUser(tx, username, by));
    return 'da-vo-hieu-hoa';
  });
}

export const GET = backToAccount;
