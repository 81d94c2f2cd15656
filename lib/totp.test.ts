import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateSync } from 'otplib';
import { createHash } from 'node:crypto';
import { keyedDigest } from '@/lib/secret-box';
import { checkTotp, generateBackupCodes, groupSecret, hashBackupCode, newTotpSecret, normalizeBackupCode, timeStepAt, totpUri } from '@/lib/totp';

const secret = newTotpSecret();
const at = (seconds: number) => new Date(seconds * 1000);
const codeAt = (seconds: number) => generateSync({ secret, epoch: seconds });
const T = 1_800_000_000; // a moment at the start of a 30-second step (1,800,000,000 / 30 is whole)

test('a code of this step, or one step either side, is accepted and gives its step', () => {
  assert.equal(secret.length, 32);
  assert.equal(checkTotp({ secret, code: codeAt(T), now: at(T + 10), afterTimeStep: null }), timeStepAt(at(T)));
  assert.equal(checkTotp({ secret, code: codeAt(T - 30), now: at(T + 10), afterTimeStep: null }), timeStepAt(at(T)) - 1);
  assert.equal(checkTotp({ secret, code: codeAt(T + 30), now: at(T + 10), afterTimeStep: null }), timeStepAt(at(T)) + 1);
  assert.equal(checkTotp({ secret, code: ` ${codeAt(T).slice(0, 3)} ${codeAt(T).slice(3)} `, now: at(T), afterTimeStep: null }), timeStepAt(at(T)));
});

test('a code two steps away, of another secret, or not six digits is refused', () => {
  assert.equal(checkTotp({ secret, code: codeAt(T - 60), now: at(T + 10), afterTimeStep: null }), null);
  assert.equal(checkTotp({ secret, code: codeAt(T + 90), now: at(T + 10), afterTimeStep: null }), null);
  const other = newTotpSecret();
  assert.equal(checkTotp({ secret: other, code: codeAt(T), now: at(T), afterTimeStep: null }), null);
  for (const code of ['', '12345', '1234567', 'abcdef', `${codeAt(T)}0`]) assert.equal(checkTotp({ secret, code, now: at(T), afterTimeStep: null }), null, code);
});

test('a code of the step last accepted, or an earlier one, is refused: a code cannot be used twice', () => {
  const step = checkTotp({ secret, code: codeAt(T), now: at(T), afterTimeStep: null });
  assert.ok(step);
  assert.equal(checkTotp({ secret, code: codeAt(T), now: at(T + 5), afterTimeStep: step }), null);
  assert.equal(checkTotp({ secret, code: codeAt(T - 30), now: at(T + 5), afterTimeStep: step }), null);
  assert.equal(checkTotp({ secret, code: codeAt(T + 30), now: at(T + 31), afterTimeStep: step }), step + 1);
});

test('the otpauth URI names the issuer, the account and the parameters; the secret is shown in groups of four', () => {
  const uri = totpUri({ issuer: 'Tòa soạn Thái Bình TV', label: 'an.nv', secret });
  assert.match(uri, /^otpauth:\/\/totp\//);
  const parsed = new URL(uri);
  assert.equal(parsed.searchParams.get('secret'), secret);
  assert.equal(parsed.searchParams.get('issuer'), 'Tòa soạn Thái Bình TV');
  assert.equal(parsed.searchParams.get('digits') ?? '6', '6');
  assert.equal(parsed.searchParams.get('period') ?? '30', '30');
  assert.equal(groupSecret('ABCDEFGHIJKLMNOP'), 'ABCD EFGH IJKL MNOP');
});

test('ten different backup codes, xxxxx-xxxxx, read back however they are typed, hashed', () => {
  const codes = generateBackupCodes();
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  for (const code of codes) assert.match(code, /^[a-z2-7]{5}-[a-z2-7]{5}$/);
  const code = codes[0]!;
  assert.equal(normalizeBackupCode(code.toUpperCase().replace('-', ' ')), code.replace('-', ''));
  const digest = (plain: string) => keyedDigest(plain, 'a test key of more than thirty-two characters', 'backup-code');
  const hash = (c: string) => hashBackupCode(c, digest);
  assert.equal(hash(code), hash(code.replace('-', '')));
  assert.match(hash(code)!, /^[0-9a-f]{64}$/);
  assert.notEqual(hash(codes[1]!), hash(code));
  assert.notEqual(hash(code), createHash('sha256').update(code.replace('-', '')).digest('hex'), 'keyed, not a plain hash');
  const otherKey = (plain: string) => keyedDigest(plain, 'another key of more than thirty-two characters', 'backup-code');
  assert.notEqual(hashBackupCode(code, otherKey), hash(code), 'another site key, another digest');
  assert.equal(hash('123456'), null);
  assert.equal(hash('abcde-fghi1'), null);
});
