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
