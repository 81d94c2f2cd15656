import { hash, verify, type Options } from '@node-rs/argon2';

// argon2id with OWASP's minimum parameters: 19 MiB of memory, 2 passes, 1 lane (OWASP Password Storage Cheat
// Sheet). `algorithm: 2` is Argon2id (@node-rs/argon2's const enum cannot be imported under isolatedModules).
export const ARGON2_OPTIONS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// The same password typed on two keyboards (Vietnamese accents composed or not) must give the same hash.
const normalized = (password: string) => password.normalize('NFC');

export function hashPassword(password: string): Promise<string> {
  return hash(normalized(password), ARGON2_OPTIONS);
}

/** False for a wrong password and for a stored value that is not an argon2 hash. */
export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(stored, normalized(password));
  } catch {
    return false;
  }
}
