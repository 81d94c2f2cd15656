import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientAddress, createRateLimiter, addressBlock } from '@/lib/rate-limit';

test('a client gets `limit` hits a minute, then is refused until the next minute', () => {
  let time = 0;
  const limiter = createRateLimiter({ limit: 3, now: () => time });
  assert.deepEqual([1, 2, 3, 4].map(() => limiter.allow('10.0.0.1')), [true, true, true, false]);
  assert.equal(limiter.allow('10.0.0.2'), true, 'another client has its own allowance');
  time = 59_999;
  assert.equal(limiter.allow('10.0.0.1'), false);
  time = 60_000;
  assert.equal(limiter.allow('10.0.0.1'), true);
});

test('a limit of 0 turns limiting off', () => {
  const limiter = createRateLimiter({ limit: 0 });
  for (let i = 0; i < 1000; i++) assert.equal(limiter.allow('10.0.0.1'), true);
  assert.equal(limiter.size, 0);
});

test('entries of finished minutes are forgotten', () => {
  let time = 0;
  const limiter = createRateLimiter({ limit: 5, now: () => time });
  for (let i = 0; i < 100; i++) limiter.allow(`10.0.0.${i}`);
  assert.equal(limiter.size, 100);
  time = 120_000;
  limiter.allow('10.0.1.1');
  assert.equal(limiter.size, 1);
});

test('the client address is the first X-Forwarded-For entry', () => {
  assert.equal(clientAddress('203.0.113.7, 10.0.0.1'), '203.0.113.7');
  assert.equal(clientAddress('::1'), '::1');
  assert.equal(clientAddress(null), 'unknown');
  assert.equal(clientAddress(''), 'unknown');
});

test('addressBlock: IPv4 as it is, IPv6 by its /64', () => {
  assert.equal(addressBlock('203.0.113.7'), '203.0.113.7');
  assert.equal(addressBlock('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(addressBlock('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64');
  assert.equal(addressBlock('2001:DB8:1:2::1'), '2001:db8:1:2::/64');
  assert.equal(addressBlock('2001:0db8:0001:0002:ffff::9%eth0'), '2001:db8:1:2::/64');
  assert.equal(addressBlock('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(addressBlock('::1'), '0:0:0:0::/64');
  assert.notEqual(addressBlock('2001:db8:1:3::1'), addressBlock('2001:db8:1:2::1'));
});
