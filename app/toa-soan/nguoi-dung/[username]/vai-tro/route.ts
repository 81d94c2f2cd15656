import { withTransaction } from '@/db/client';
import { changeStaffRole } from '@/db/queries/staff';
import { accountPath, readRoleForm } from '@/lib/newsroom-accounts';
import { readForm, seeOther } from '@/lib/newsroom-responses';
import { accountAction, backToAccount } from '../account-action';

// Changes the account's role and categories; a new role signs out every session of the account.
export function POST(request: Request, context: RouteContext<'/toa-soan/nguoi-dung/[username]/vai-tro'>) {
  return accountAction(request, context, async ({ username, by }) => {
    const form = await readForm(request);
    const fields = form && readRoleForm(form);
    if (!fields) return seeOther(`${accountPath(username)}?loi=${form ? 'vai-tro' : 'bieu-mau'}`);
    const changed = await withTransaction((tx) => changeStaffRole(tx, { username, ...fields }, by));
    return changed ? 'da-doi-vai-tro' : 'khong-thay-doi';
  });
}

export const GET = backToAccount;
