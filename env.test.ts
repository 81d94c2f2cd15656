import assert from 'node:assert/strict';
import { test } from 'node:test';
import { siteUrlOf } from './env.mjs';

test('SITE_URL is compared as parsed: scheme and host in lower case, no trailing slash', () => {
  assert.equal(siteUrlOf('HTTPS://Tin.Example.VN/', 3000), 'https://tin.example.vn');
  assert.equal(siteUrlOf('https://tin.example.vn', 3000), 'https://tin.example.vn');
  assert.equal(siteUrlOf('http://127.0.0.1:3900/', 3000), 'http://127.0.0.1:3900');
  assert.equal(siteUrlOf(undefined, 3100), 'http://localhost:3100');
});
