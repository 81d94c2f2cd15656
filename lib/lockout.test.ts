import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lockoutAfterFailure, minutesLocked, type LockoutState } from '@/lib/lockout';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 8, minute));
const fresh: LockoutState = { failedAttempts: 0, failedSince: null, lockedUntil: null };

test('the fifth failure within 15 minutes locks the account for 15 minutes', () => {
  let state = fresh;
  for (let i = 0; i < 4; i++) state = lockoutAfterFailure(state, at(i * 3));
  assert.deepEqual(state, { failedAttempts: 4, failedSince: at(0), lockedUntil: null });
  state = lockoutAfterFailure(state, at(14));
  assert.deepEqual(state.lockedUntil, at(29));
  assert.equal(minutesLocked(state.lockedUntil, at(14)), 15);
  assert.equal(minutesLocked(state.lockedUntil, at(28)), 1);
  assert.equal(minutesLocked(state.lockedUntil, at(29)), 0);
});

test('failures spread over more than 15 minutes never lock', () => {
  let state = fresh;
  for (let i = 0; i < 10; i++) state = lockoutAfterFailure(state, at(i * 4));
  assert.equal(state.lockedUntil, null);
  assert.ok(state.failedAttempts < 5);
});
