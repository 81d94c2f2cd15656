import { randomInt } from 'node:crypto';
import COMMON_PASSWORDS from '@/lib/common-passwords.json';

// What a newsroom password and username must be (issue #16; docs/decisions/0024-newsroom-accounts.md).

export const MIN_PASSWORD_LENGTH = 12;
// better-auth refuses longer ones; argon2 would take them, but nobody types 129 characters.
export const MAX_PASSWORD_LENGTH = 128;

const COMMON = new Set(COMMON_PASSWORDS);

/**
 * True when `password` is one of the 1,000 most common passwords (lib/common-passwords.json), or is made of
 * them the way people stretch one to a length rule: two of them joined ("qwerty123456", "password1234"), one
 * with digits or symbols around it ("iloveyou2024!"), or one character repeated. Letter case is ignored.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFC').toLowerCase();
  if (COMMON.has(lower) || new Set(lower).size <= 1) return true;
  for (let i = 1; i < lower.length; i++) if (COMMON.has(lower.slice(0, i)) && COMMON.has(lower.slice(i))) return true;
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return core.length >= 4 && COMMON.has(core);
}

export const PASSWORD_PROBLEMS = {
  'qua-ngan': `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
  'qua-dai': `Mật khẩu dài quá ${MAX_PASSWORD_LENGTH} ký tự.`,
  'pho-bien': 'Mật khẩu này quá phổ biến, dễ bị đoán: hãy chọn mật khẩu khác.',
} as const;
export type PasswordProblem = keyof typeof PASSWORD_PROBLEMS;

/**
 * A password's length as every rule counts it, at sign-in and when it is chosen: characters (code points) after
 * NFC, so `ệ` is one whether typed composed or not and an emoji is one, not two UTF-16 units.
 */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}

/** Why `password` may not be used (a code of PASSWORD_PROBLEMS), or null when it may. Characters, not bytes, count. */
export function passwordProblemCode(password: string): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH) return 'qua-ngan';
  if (length > MAX_PASSWORD_LENGTH) return 'qua-dai';
  if (isCommonPassword(password)) return 'pho-bien';
  return null;
}

/** Why `password` may not be used, in Vietnamese, or null when it may. */
export function passwordProblem(password: string): string | null {
  const code = passwordProblemCode(password);
  return code && PASSWORD_PROBLEMS[code];
}

/** Usernames are stored and compared in lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** Names the audit log uses for actors that are not people (`cli`: the staff:* commands): no account may take them. */
// `moi`: /toa-soan/nguoi-dung/moi is the new-account page.
export const RESERVED_USERNAMES: readonly string[] = ['cli', 'system', 'he-thong', 'moi'];

/** Why `username` (normalized) may not be used, or null: 3-30 characters of a-z, 0-9, `_` and `.`, not reserved. */
export function usernameProblem(username: string): string | null {
  if (!/^[a-z0-9_.]{3,30}$/.test(username)) return 'Tên đăng nhập gồm 3-30 ký tự a-z, 0-9, dấu chấm hoặc gạch dưới.';
  if (RESERVED_USERNAMES.includes(username)) return `Tên đăng nhập "${username}" được dành cho hệ thống.`;
  return null;
}

// No 0/O, 1/l/I: the one-time password is read off a screen and typed.
const ONE_TIME_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password of 16 characters (about 93 bits), in four groups: it must be changed at first sign-in. */
export function generateOneTimePassword(): string {
  const chars = Array.from({ length: 16 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)]);
  return [0, 4, 8, 12].map((at) => chars.slice(at, at + 4).join('')).join('-');
}
