import { getEnv } from '@/env';
import { addressBlock, createRateLimiter } from '@/lib/rate-limit';

// Every form that checks a password (or, with two-factor sign-in, a code) counts against one limit per client
// address (an IPv6 client by its /64): NEWSROOM_SIGN_IN_RATE_LIMIT a minute, 429 with Retry-After beyond it
// (issue #16). Counted in each process (docs/known-issues.md).
const limiter = createRateLimiter({ limit: getEnv().NEWSROOM_SIGN_IN_RATE_LIMIT });
export const passwordAttemptLimiter = { allow: (address: string) => limiter.allow(addressBlock(address)) };
export const PASSWORD_ATTEMPT_RETRY_AFTER_S = 60;
