import { createHash, randomBytes } from 'node:crypto';

/**
 * At most `limit` hits a minute per client, counted in fixed one-minute windows in this process's memory.
 * Clients are known only by a salted hash of their address (the salt is random per process and never
 * written anywhere), and an entry is dropped once its minute is over: no address is kept.
 */
export function createRateLimiter({ limit, windowMs = 60_000, now = Date.now }: { limit: number; windowMs?: number; now?: () => number }) {
  const salt = randomBytes(16);
  const windows = new Map<string, { start: number; hits: number }>();
  let lastSweep = now();

  const keyOf = (client: string) => createHash('sha256').update(salt).update(client).digest('base64url').slice(0, 22);

  function sweep(time: number) {
    if (time - lastSweep < windowMs) return;
    lastSweep = time;
    for (const [key, entry] of windows) if (time - entry.start >= windowMs) windows.delete(key);
  }

  return {
    /** Records a hit and says whether it is within the limit. A limit of 0 means no limit. */
    allow(client: string): boolean {
      if (limit <= 0) return true;
      const time = now();
      sweep(time);
      const key = keyOf(client);
      const entry = windows.get(key);
      if (!entry || time - entry.start >= windowMs) {
        windows.set(key, { start: time, hits: 1 });
        return true;
      }
      if (entry.hits >= limit) return false;
      entry.hits++;
      return true;
    },
    /** How many clients are being tracked (for tests). */
    get size() {
      return windows.size;
    },
  };
}

/** The client's address from X-Forwarded-For: its first entry (server.mjs sets it from the socket). */
export function clientAddress(forwardedFor: string | null): string {
  return forwardedFor?.split(',')[0]?.trim() || 'unknown';
}

/**
 * What a per-address limit should count by: an IPv4 address itself, but an IPv6 address's /64 (one
 * subscriber gets a whole /64 and could otherwise take a fresh address for every request).
 */
export function addressBlock(address: string): string {
  const clean = address.split('%')[0]!.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(clean);
  if (mapped) return mapped[1]!;
  if (!clean.includes(':')) return clean;
  // An IPv4 tail (64:ff9b::192.0.2.1) is two 16-bit groups.
  const hex = clean.replace(/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, (_, a, b, c, d) =>
    `${((Number(a) << 8) | Number(b)).toString(16)}:${((Number(c) << 8) | Number(d)).toString(16)}`,
  );
  const [head = '', tail] = hex.split('::');
  const before = head ? head.split(':') : [];
  const after = tail ? tail.split(':') : [];
  const groups = tail === undefined ? before : [...before, ...Array(Math.max(0, 8 - before.length - after.length)).fill('0'), ...after];
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}
