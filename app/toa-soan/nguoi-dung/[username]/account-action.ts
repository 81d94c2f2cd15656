import { StaffChangeRejected, type Actor } from '@/db/queries/staff';
import { ACCOUNTS_PATH, accountPath, type AccountNotice } from '@/lib/newsroom-accounts';
import { seeOther } from '@/lib/newsroom-responses';
import { canManageAccounts } from '@/lib/newsroom-permissions';
import { clientAddress } from '@/lib/rate-limit';
import { normalizeUsername, usernameProblem } from '@/lib/staff-password';
import { authorizeRequest } from '../../access';

// What every form target of an account's page does (/toa-soan/nguoi-dung/<username>/<action>): the one gate with
// canManageAccounts first, then the action (one transaction: the change and its audit row), then a 303 back to
// the account's page with a fixed message code. A refusal (StaffChangeRejected) wrote nothing: `?loi=<code>`.

export type AccountChange = { username: string; by: Actor; request: Request };
type Params = { params: Promise<{ username: string }> };

/** `act` does the change and names the notice to show, or answers itself (a one-time password shown once). */
export async function accountAction(request: Request, { params }: Params, act: (change: AccountChange) => Promise<AccountNotice | Response>): Promise<Response> {
  const session = await authorizeRequest(request, canManageAccounts);
  if (session instanceof Response) return session;
  const username = normalizeUsername((await params).username);
  if (usernameProblem(username)) return seeOther(`${ACCOUNTS_PATH}?loi=khong-co`);
  const by = { actor: session.user.username, address: clientAddress(request.headers.get('x-forwarded-for')) };
  try {
    const answer = await act({ username, by, request });
    return answer instanceof Response ? answer : seeOther(`${accountPath(username)}?thong-bao=${answer}`);
  } catch (error) {
    if (!(error instanceof StaffChangeRejected)) throw error;
    return seeOther(error.code === 'khong-co' ? `${ACCOUNTS_PATH}?loi=khong-co` : `${accountPath(username)}?loi=${error.code}`);
  }
}

/** Only forms post to these targets; a reload or a typed URL goes back to the account's page. */
export async function backToAccount(request: Request, { params }: Params): Promise<Response> {
  const session = await authorizeRequest(request, canManageAccounts);
  if (session instanceof Response) return session;
  const username = normalizeUsername((await params).username);
  return seeOther(usernameProblem(username) ? ACCOUNTS_PATH : accountPath(username));
}
