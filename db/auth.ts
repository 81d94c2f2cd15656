import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { username } from 'better-auth/plugins/username';
import { getDb } from '@/db/client';
import { dialectOf, tablesOf, type Db } from '@/db/engine';
import { getStaffUserById } from '@/db/queries/staff';
import { getEnv } from '@/env';
import { hashPassword, verifyPassword } from '@/lib/password-hash';
import { sessionCookieName } from '@/lib/newsroom-http';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, usernameProblem } from '@/lib/staff-password';

// The newsroom's sessions: better-auth (1.7) with its Drizzle adapter on whichever engine the process uses, its
// username plugin for the credential check, our argon2id for hashing. Its HTTP handler is not mounted: the
// newsroom's own route handlers call `auth.api.*` on the server, so no better-auth endpoint (sign-up, OAuth,
// password reset by e-mail...) is reachable from outside. docs/decisions/0024-newsroom-accounts.md.

export const SESSION_HOURS = 12;

/** Thrown by the session hook: the password was right, but the account is disabled. */
export const ACCOUNT_DISABLED = 'ACCOUNT_DISABLED';

// Used only outside production (npm run dev, unit tests; server.mjs always runs as production, whatever NODE_ENV
// says): a production server without NEWSROOM_SECRET signs nobody in (newsroomSecret returns null).
const DEVELOPMENT_SECRET = 'development-only-newsroom-secret-not-for-production';

export function newsroomSecret(): string | null {
  const env = getEnv();
  if (env.NEWSROOM_SECRET) return env.NEWSROOM_SECRET;
  return env.NODE_ENV === 'production' ? null : DEVELOPMENT_SECRET;
}

function createAuth(db: Db, secret: string) {
  const own = dialectOf(db);
  const tables = tablesOf(db);
  const { siteUrl } = getEnv();
  const secure = siteUrl.startsWith('https://');
  return betterAuth({
    appName: 'Tòa soạn',
    baseURL: siteUrl,
    secret,
    trustedOrigins: [siteUrl],
    database: drizzleAdapter(own.db, {
      provider: own.dialect === 'postgres' ? 'pg' : 'sqlite',
      schema: { user: tables.staffUsers, session: tables.staffSessions, account: tables.staffAccounts, verification: tables.staffVerifications },
    }),
    user: {
      additionalFields: {
        role: { type: 'string', required: true, input: false },
        mustChangePassword: { type: 'boolean', required: false, defaultValue: false, input: false },
        disabled: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
    },
    session: {
      // Absolute: a session ends 12 hours after sign-in however much it is used (no sliding refresh), and every
      // request reads it from the database (no cookie cache), so a revoked session stops at once.
      expiresIn: SESSION_HOURS * 3600,
      disableSessionRefresh: true,
      cookieCache: { enabled: false },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      // It counts UTF-16 units of the string as typed; our rule (lib/staff-password.ts passwordLength) counts
      // characters after NFC and is checked first. This bound only has to be above anything our rule lets through.
      maxPasswordLength: MAX_PASSWORD_LENGTH * 8,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    plugins: [
      username({
        displayUsername: false,
        minUsernameLength: 3,
        maxUsernameLength: 30,
        usernameValidator: (name) => usernameProblem(name) === null,
      }),
    ],
    databaseHooks: {
      session: {
        create: {
          // Whatever creates a session (sign-in today, two-factor later): never for a disabled account.
          async before(session) {
            const user = await getStaffUserById(db, session.userId);
            if (!user || user.disabled) throw new APIError('FORBIDDEN', { message: 'account disabled', code: ACCOUNT_DISABLED });
          },
        },
      },
    },
    advanced: {
      // `__Host-` (Secure, Path=/, no Domain) on https; better-auth's own `__Secure-` prefix is turned off so that
      // the name is exactly ours (lib/newsroom-http.ts).
      useSecureCookies: false,
      cookies: { session_token: { name: sessionCookieName(siteUrl), attributes: { secure, sameSite: 'lax', httpOnly: true, path: '/' } } },
      // server.mjs sets X-Forwarded-For to the client as TRUST_PROXY decides (the view counter's rule).
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    // Our own limits (lib/rate-limit.ts, lib/lockout.ts) apply in the route handlers; better-auth's limiter
    // only covers its HTTP handler, which is not mounted.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { level: 'error' },
  });
}

export type NewsroomAuth = ReturnType<typeof createAuth>;

// One instance per database handle (tests swap the process's database).
const instances = new WeakMap<object, NewsroomAuth>();

/** The process's better-auth instance, or null when the newsroom has no secret (production without NEWSROOM_SECRET). */
export function getAuth(db: Db = getDb()): NewsroomAuth | null {
  const secret = newsroomSecret();
  if (!secret) return null;
  let auth = instances.get(db);
  if (!auth) {
    auth = createAuth(db, secret);
    instances.set(db, auth);
  }
  return auth;
}
