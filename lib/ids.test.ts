import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCanonicalPageParam, parseId, parsePageParam } from '@/lib/ids';

test('whole positive numbers are ids', () => {
  assert.equal(parseId('60431'), 60431);
  assert.equal(parseId('060431'), 60431);
  assert.equal(parseId('0'), 0);
});

test('negative, fractional, exponent, empty, non-numeric and huge ids are refused', () => {
  for (const bad of ['-1', '1.5', '1e3', '', ' 1', 'abc', '0x10', '99999999999999999', undefined]) {
    assert.equal(parseId(bad), null, String(bad));
  }
});

test('the page parameter defaults to 1 and refuses anything but whole numbers from 1', () => {
  assert.equal(parsePageParam(undefined), 1);
  assert.equal(parsePageParam('3'), 3);
  for (const bad of ['0', '-2', 'abc', '1.5', ['1', '2']]) assert.equal(parsePageParam(bad), null);
});

test('page 1 is canonical without ?trang, later pages only as plain digits', () => {
  assert.equal(isCanonicalPageParam(undefined, 1), true);
  assert.equal(isCanonicalPageParam('1', 1), false);
  assert.equal(isCanonicalPageParam('2', 2), true);
  assert.equal(isCanonicalPageParam('02', 2), false);
});
