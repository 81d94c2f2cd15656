import { timingSafeEqual } from 'node:crypto';

/**
 * Whether a secret sent by a client equals the expected one, in constant time. Compared as UTF-8 bytes: a value
 * of the right length in characters can be longer in bytes (a header may carry any byte), and timingSafeEqual
 * throws on buffers of different lengths.
 */
export function secretsMatch(given: string | null | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
