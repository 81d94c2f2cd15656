import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordChangeMessage, sessionCookieName, signInMessage } from '@/lib/newsroom-http';

// What the sign-in and password pages show for the `loi` (and `phut`) of their URL: only their own messages.

test('a known code gives its message, with the minutes only when they are one or two digits', () => {
  assert.equal(signInMessage('sai-thong-tin', undefined), 'Tên đăng nhập hoặc mật khẩu không đúng');
  assert.match(signInMessage('tam-khoa', '7') ?? '', /sau 7 phút/);
  assert.match(signInMessage('tam-khoa', '<b>9</b>') ?? '', /sau 15 phút/);
  assert.equal(passwordChangeMessage('khong-khop'), 'Hai lần nhập mật khẩu mới không khớp.');
});

test('names every object inherits are not codes: no message, no crash', () => {
  for (const code of ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', 'x', '']) {
    assert.equal(signInMessage(code, '5'), null, code);
    assert.equal(passwordChangeMessage(code), null, code);
  }
});

test('the session cookie is __Host- prefixed on https only', () => {
  assert.equal(sessionCookieName('https://tin.example.vn'), '__Host-toa-soan');
  assert.equal(sessionCookieName('http://localhost:3000'), 'toa-soan');
});
