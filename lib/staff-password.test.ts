import assert from 'node:assert/strict';
import { test } from 'node:test';
import COMMON_PASSWORDS from '@/lib/common-passwords.json';
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from '@/lib/password-hash';
import {
  generateOneTimePassword,
  isCommonPassword,
  normalizeUsername,
  passwordLength,
  passwordProblem,
  passwordProblemCode,
  usernameProblem,
} from '@/lib/staff-password';

test('the shipped list holds the 1,000 most common passwords, most common first', () => {
  assert.equal(COMMON_PASSWORDS.length, 1000);
  assert.equal(new Set(COMMON_PASSWORDS).size, 1000);
  assert.deepEqual(COMMON_PASSWORDS.slice(0, 3), ['123456', 'password', '12345678']);
});

test('passwords shorter than 12 characters are refused, counting characters rather than bytes', () => {
  assert.match(passwordProblem('Ng4n-qu4-dj')!, /ít nhất 12 ký tự/);
  assert.equal(passwordProblem('Đồng lúa Thái Bình'), null);
  assert.match(passwordProblem('ĐồngLúaTB!')!, /ít nhất 12/); // 10 characters, 16 bytes
  assert.match(passwordProblem('x'.repeat(129))!, /dài quá 128/);
});

test('common passwords and the usual ways of stretching them are refused', () => {
  for (const password of ['password1234', 'qwerty123456', 'Iloveyou2024!', 'PASSWORDPASSWORD', '123456123456', 'aaaaaaaaaaaaaa', '!!sunshine!!!']) {
    assert.ok(isCommonPassword(password), password);
    assert.match(passwordProblem(password)!, /quá phổ biến/, password);
  }
  for (const password of ['tòa soạn Thái Bình 2026', 'correct horse battery', 'k7#Vq9!mZp2@']) {
    assert.equal(passwordProblem(password), null, password);
  }
});

test('usernames are lower case, 3-30 characters of a-z, 0-9, dot and underscore', () => {
  assert.equal(normalizeUsername('  NguyenVanA '), 'nguyenvana');
  assert.equal(usernameProblem('nguyen.van_a2'), null);
  for (const bad of ['ab', 'x'.repeat(31), 'nguyễn', 'a b', "a'--"]) assert.ok(usernameProblem(bad), bad);
});

test('one-time passwords are 16 unambiguous characters and pass the policy', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 50; i++) {
    const password = generateOneTimePassword();
    assert.match(password, /^([a-km-zA-HJ-NP-Z2-9]{4}-){3}[a-km-zA-HJ-NP-Z2-9]{4}$/);
    assert.equal(passwordProblem(password), null);
    seen.add(password);
  }
  assert.equal(seen.size, 50);
});

test('hashes are argon2id with 19 MiB, 2 passes, 1 lane, and verify only the same password', async () => {
  assert.deepEqual(ARGON2_OPTIONS, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const stored = await hashPassword('Đồng lúa Thái Bình');
  assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await verifyPassword({ hash: stored, password: 'Đồng lúa Thái Bình' }), true);
  // The same text with its accents as combining marks (another keyboard) is the same password.
  assert.equal(await verifyPassword({ hash: stored, password: 'Đồng lúa Thái Bình'.normalize('NFD') }), true);
  assert.equal(await verifyPassword({ hash: stored, password: 'Đồng lúa Thái Bình ' }), false);
  assert.equal(await verifyPassword({ hash: 'not a hash', password: 'x' }), false);
});

test('one length rule: characters after NFC; reserved names are refused', () => {
  assert.equal(passwordLength('🌾'.repeat(100)), 100);
  assert.equal(passwordLength('e\u0302\u0323'), 1, 'ệ typed as e + two combining marks is one character');
  assert.equal(passwordProblemCode('🌾🌿'.repeat(64)), null, '128 characters (256 UTF-16 units) may be chosen');
  assert.equal(passwordProblemCode('🌾🌿'.repeat(64) + '🌾'), 'qua-dai');
  assert.match(usernameProblem('cli') ?? '', /dành cho hệ thống/);
  assert.equal(usernameProblem('cli.tt'), null);
});
