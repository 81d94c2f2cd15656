import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

// Secrets kept at rest (the TOTP secrets): AES-256-GCM with a key derived by HKDF-SHA-256 from the newsroom's
// secret (NEWSROOM_SECRET). A copy of the database alone does not give them. docs/decisions/0026-two-factor.md.

const VERSION = 'v1';

function keyFrom(masterSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterSecret, 'toa-soan', `${purpose} ${VERSION}`, 32));
}

/**
 * A keyed digest (HMAC-SHA-256, key by HKDF for `purpose`) of a short secret that is only ever compared, never read
 * back (backup codes): a copy of the database alone cannot be searched for the values, as a plain hash of 50 bits
 * could be.
 */
export function keyedDigest(value: string, masterSecret: string, purpose: string): string {
  return createHmac('sha256', keyFrom(masterSecret, purpose)).update(value).digest('hex');
}

/** `plain` sealed: `v1.<iv>.<tag>.<ciphertext>` in base64url. `purpose` binds it to one use of the key. */
export function sealSecret(plain: string, masterSecret: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(masterSecret, purpose), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The sealed text opened; throws when the key, the purpose or any byte is not the one it was sealed with. */
export function openSecret(sealed: string, masterSecret: string, purpose: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(masterSecret, purpose), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
