import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountError, accountNotice, pageNumber, readRoleForm } from '@/lib/newsroom-accounts';

// The account pages show only their own texts for the codes in their URL, and read their forms strictly.

test('known codes give their texts; anything else, inherited names included, gives nothing', () => {
  assert.equal(accountNotice('da-mo-khoa'), 'Đã mở khóa tài khoản.');
  assert.match(accountError('quan-tri-cuoi') ?? '', /quản trị cuối cùng/);
  assert.equal(accountError(['tu-vo-hieu', 'x']), 'Bạn không thể tự vô hiệu hóa tài khoản của mình.');
  for (const code of ['__proto__', 'toString', 'constructor', 'hasOwnProperty', '<b>x</b>', '', undefined]) {
    assert.equal(accountNotice(code), null, String(code));
    assert.equal(accountError(code), null, String(code));
  }
});

test('the role form: a known role and category ids, or nothing', () => {
  assert.deepEqual(readRoleForm(new URLSearchParams('vai-tro=phong-vien&chuyen-muc=17&chuyen-muc=29')), { role: 'phong-vien', categoryIds: [17, 29] });
  assert.deepEqual(readRoleForm(new URLSearchParams('vai-tro=quan-tri')), { role: 'quan-tri', categoryIds: [] });
  for (const body of ['', 'vai-tro=admin', 'vai-tro=__proto__', 'vai-tro=phong-vien&chuyen-muc=1x', 'vai-tro=phong-vien&chuyen-muc=0', 'vai-tro=phong-vien&chuyen-muc=']) {
    assert.equal(readRoleForm(new URLSearchParams(body)), null, body);
  }
});

test('the audit page number is a small positive number, else 1', () => {
  assert.equal(pageNumber('3'), 3);
  for (const value of [undefined, '', '0', '-1', '1.5', 'abc', '9999999', ['x']]) assert.equal(pageNumber(value), 1, String(value));
});
