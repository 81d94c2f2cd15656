import { signOutStaff } from '@/db/newsroom-sessions';
import { getEnv } from '@/env';
import { crossSiteRefused, seeOther } from '@/lib/newsroom-responses';
import { SIGN_IN_PATH } from '@/lib/newsroom-http';
import { clientAddress } from '@/lib/rate-limit';
import { isAllowedOrigin } from '@/lib/same-origin.mjs';

// The sign-out button's target (POST only): the session's row is deleted and the cookie cleared.
export async function POST(request: Request) {
  if (!isAllowedOrigin({ method: 'POST', origin: request.headers.get('origin'), siteUrl: getEnv().siteUrl })) return crossSiteRefused();
  const setCookie = await signOutStaff({ headers: request.headers, address: clientAddress(request.headers.get('x-forwarded-for')) });
  return seeOther(SIGN_IN_PATH, setCookie);
}

/** Only forms post here; a reload or a typed URL goes back to the page of the form. */
export function GET() {
  return seeOther(SIGN_IN_PATH);
}
