import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';

// Time-based one-time passwords (RFC 6238) for the newsroom's second factor, and its backup codes
// (docs/decisions/0026-two-factor.md). otplib 13 computes the codes; this module decides the parameters, the
// window, the replay rule and the backup codes' format. No I/O: the caller stores and fetches.

/** What every authenticator app assumes (otplib's defaults too): HMAC-SHA-1, 6 digits, 30-second steps. */
export const TOTP = { algorithm: 'sha1', digits: 6, period: 30 } as const;

/** A 160-bit secret (RFC 4226's recommended length), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI of the QR code: issuer and label as the app lists the account. */
export function totpUri({ issuer, label, secret }: { issuer: string; label: string; secret: string }): string {
  return generateURI({ issuer, label, secret, algorithm: TOTP.algorithm, digits: TOTP.digits, period: TOTP.period });
}

/** The secret as people type it into an app: groups of four. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The 30-second step a moment falls in. */
export function timeStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP.period);
}

export function isTotpCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ''));
}

/**
 * The time step of `code` when it is right for `secret` at `now`, one step either side accepted (a clock a little
 * off, a code typed as it changed), and later than `afterTimeStep`: a code of the step last accepted, or of an
 * earlier one, is refused ("a code cannot be used twice"). Null when refused.
 */
export function checkTotp({ secret, code, now, afterTimeStep }: { secret: string; code: string; now: Date; afterTimeStep: number | null }): number | null {
  const token = code.replace(/\s/g, '');
  if (!isTotpCode(token)) return null;
  const result = verifySync({
    secret,
    token,
    ...TOTP,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOTP.period,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  // otplib's verify returns TOTP's or HOTP's result type; only TOTP's has the step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

// Backup codes: 10 characters of lower-case base32 (50 bits), shown as xxxxx-xxxxx, stored as SHA-256 hashes
// (random codes of 50 bits need no slow hash: nothing to guess from a dictionary).
const BACKUP_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
export const BACKUP_CODE_COUNT = 10;

export function generateBackupCodes(count = BACKUP_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const chars = Array.from({ length: 10 }, () => BACKUP_ALPHABET[randomInt(BACKUP_ALPHABET.length)]).join('');
    codes.add(`${chars.slice(0, 5)}-${chars.slice(5)}`);
  }
  return [...codes];
}

/** A backup code as typed (any case, with or without the dash and spaces) in its stored form, or null. */
export function normalizeBackupCode(input: string): string | null {
  const plain = input.toLowerCase().replace(/[\s-]/g, '');
  return /^[a-z2-7]{10}$/.test(plain) ? plain : null;
}

/** A backup code's stored form: its keyed digest (`digest`: lib/secret-box.ts keyedDigest with the site's key). */
export function hashBackupCode(code: string, digest: (plain: string) => string): string | null {
  const plain = normalizeBackupCode(code);
  return plain ? digest(plain) : null;
}
