import assert from 'node:assert/strict';
import { test } from 'node:test';
import { secretsMatch } from '@/lib/secrets';

const secret = 'a'.repeat(48);

test('only the same secret matches', () => {
  assert.equal(secretsMatch(secret, secret), true);
  assert.equal(secretsMatch('b'.repeat(48), secret), false);
  assert.equal(secretsMatch(secret.slice(1), secret), false);
  assert.equal(secretsMatch('', secret), false);
  assert.equal(secretsMatch(null, secret), false);
  assert.equal(secretsMatch(secret, undefined), false);
});

test('a value as long in characters but longer in bytes is refused, not thrown on', () => {
  // Header values reach the app as latin1 strings: a 0xE9 byte is "é", two bytes in UTF-8.
  assert.equal(secretsMatch(`${'a'.repeat(47)}é`, secret), false);
});
