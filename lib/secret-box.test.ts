import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSecret, sealSecret } from '@/lib/secret-box';

const KEY = 'a-newsroom-secret-of-at-least-32-characters';

test('a sealed secret opens with the same key and purpose, and is different each time', () => {
  const sealed = sealSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', KEY, 'totp');
  assert.doesNotMatch(sealed, /JBSWY3DP/);
  assert.equal(openSecret(sealed, KEY, 'totp'), 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  assert.notEqual(sealSecret('JBSWY3DPEHPK3PXP', KEY, 'totp'), sealSecret('JBSWY3DPEHPK3PXP', KEY, 'totp'));
});

test('another key, another purpose or a changed byte does not open it', () => {
  const sealed = sealSecret('JBSWY3DPEHPK3PXP', KEY, 'totp');
  assert.throws(() => openSecret(sealed, `${KEY}x`, 'totp'));
  assert.throws(() => openSecret(sealed, KEY, 'other'));
  const [v, iv, tag, body] = sealed.split('.');
  const flipped = `${body![0] === 'A' ? 'B' : 'A'}${body!.slice(1)}`;
  assert.throws(() => openSecret([v, iv, tag, flipped].join('.'), KEY, 'totp'));
  assert.throws(() => openSecret('JBSWY3DPEHPK3PXP', KEY, 'totp'));
});
