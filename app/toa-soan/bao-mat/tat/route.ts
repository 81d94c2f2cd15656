import { turnOffTwoFactor } from '@/db/newsroom-two-factor';
import { canTurnOffTwoFactor } from '@/lib/newsroom-permissions';
import { backToSecurityPage, withCurrentCode } from '../with-current-code';

// Turning one's own two-factor sign-in off (POST only), for a current code; only roles that may (403 otherwise).
export function POST(request: Request) {
  return withCurrentCode(request, canTurnOffTwoFactor, turnOffTwoFactor, backToSecurityPage);
}

export const GET = backToSecurityPage;
