import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guardRequest, MAX_SEGMENT_BYTES, originForm, pathProblem } from './request-guard.mjs';

const answer = (method: string, url: string) => {
  const result = guardRequest({ method, url });
  return 'answer' in result ? result.answer : null;
};

test('the absolute form of a request target becomes its path and query; other forms are refused', () => {
  assert.equal(originForm('/news/17?trang=2'), '/news/17?trang=2');
  assert.equal(originForm('http://evil.example/news/17?trang=2'), '/news/17?trang=2');
  assert.equal(originForm('HTTPS://x/'), '/');
  for (const bad of ['*', 'news/17', 'ftp://x/', 'http://[::1/', '']) assert.equal(originForm(bad), null, bad);
  assert.deepEqual(guardRequest({ method: 'GET', url: 'http://evil.example/news/17' }), { target: '/news/17' });
  assert.equal(answer('OPTIONS', '*')?.status, 204);
  assert.equal(answer('GET', '*')?.status, 400);
});

test('invalid escapes, invalid UTF-8 and control characters make a path malformed', () => {
  for (const bad of ['/news/%ZZ', '/news/%', '/news/%C3%28', '/news/%C0%AF', '/news/%ED%A0%80', '/news/17%00', '/tu-khoa/a%0Ab', '/x/%7F']) {
    assert.equal(pathProblem(bad), 'malformed', bad);
  }
  for (const good of ['/', '/news/17', '/tu-khoa/h%E1%BB%99i-ngh%E1%BB%8B', '/media/..%2fx', '/news/%20']) assert.equal(pathProblem(good), null, good);
});

test('a segment longer than the page cache can name is too long, whatever its spelling', () => {
  assert.equal(pathProblem(`/news/${'a'.repeat(MAX_SEGMENT_BYTES)}`), null);
  assert.equal(pathProblem(`/news/${'a'.repeat(MAX_SEGMENT_BYTES + 1)}`), 'too-long');
  // 81 "á" are 162 bytes, 486 characters escaped: what counts is the decoded bytes.
  assert.equal(pathProblem(`/tu-khoa/${'%C3%A1'.repeat(81)}`), null);
  assert.equal(pathProblem(`/tu-khoa/${'%C3%A1'.repeat(121)}`), 'too-long');
  assert.equal(pathProblem(`/${'a/'.repeat(500)}`), null);
});

test('a malformed path is a 400: JSON under /api, the not-found page elsewhere, headers only for HEAD', () => {
  assert.deepEqual(answer('GET', '/api/articles/%ZZ/views'), { status: 400, body: 'json', error: 'Đường dẫn không hợp lệ.' });
  assert.deepEqual(answer('GET', '/news/%C3%28'), { status: 400, body: 'not-found-page', headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  assert.equal(answer('HEAD', '/news/%C3%28')?.body, 'none');
  // The query is Next's to parse (it never fails on one).
  assert.equal(answer('GET', '/tim-kiem?q=%ZZ%C3%28%00'), null);
});

test('pages and files answer GET and HEAD; OPTIONS lists them; other methods are 405', () => {
  for (const method of ['GET', 'HEAD']) assert.equal(answer(method, '/news/17'), null);
  assert.deepEqual(answer('OPTIONS', '/'), { status: 204, body: 'none', headers: { Allow: 'GET, HEAD, OPTIONS' } });
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'PROPFIND', 'SEARCH']) {
    for (const url of ['/', '/news/17', '/sitemap.xml', '/media/x.jpg', '/_next/image?url=x']) {
      assert.equal(answer(method, url)?.status, 405, `${method} ${url}`);
      assert.equal(answer(method, url)?.headers?.Allow, 'GET, HEAD, OPTIONS');
    }
  }
});

test('the API gets the methods Next knows; others are a JSON 400 (Next would answer TRACE with a 500)', () => {
  for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) assert.equal(answer(method, '/api/ping'), null, method);
  for (const method of ['TRACE', 'PROPFIND', 'MKCOL', 'SEARCH']) {
    assert.deepEqual(answer(method, '/api/ping'), { status: 400, body: 'json', error: 'Phương thức không hợp lệ.' });
  }
  assert.equal(answer('TRACE', '/api')?.body, 'json');
});

test('a too-long segment is a 404 page only on the routes Next caches per URL', () => {
  const long = 'a'.repeat(MAX_SEGMENT_BYTES + 1);
  for (const url of [`/news/${long}`, `/news/17/60431/${long}`, `/tu-khoa/${long}?trang=2`, `/tac-gia/${long}`]) assert.equal(answer('GET', url)?.status, 404, url);
  assert.equal(answer('HEAD', `/news/${long}`)?.body, 'none');
  for (const url of [`/${long}`, `/api/articles/${long}/views`, `/media/${long}`, `/tim-kiem?q=${long}`]) assert.equal(answer('GET', url), null, url);
});

test('the newsroom takes posts only at its form targets; its pages are read like any other', () => {
  const accountTargets = ['/toa-soan/nguoi-dung/moi/gui', '/toa-soan/nguoi-dung/an.nv/vai-tro', '/toa-soan/nguoi-dung/an.nv/vo-hieu-hoa'];
  for (const target of ['/toa-soan/dang-nhap/gui', '/toa-soan/dang-xuat', '/toa-soan/doi-mat-khau/gui', ...accountTargets]) {
    for (const method of ['GET', 'HEAD', 'POST']) assert.equal(answer(method, target), null, `${method} ${target}`);
    assert.deepEqual(answer('OPTIONS', target), { status: 204, body: 'none', headers: { Allow: 'GET, HEAD, POST' } });
    for (const method of ['PUT', 'DELETE', 'TRACE', 'PROPFIND']) {
      assert.equal(answer(method, target)?.status, 405, `${method} ${target}`);
      assert.equal(answer(method, target)?.headers?.Allow, 'GET, HEAD, POST');
    }
  }
  // Pages (Next would take a form-like POST to a page for a server action, and the site has none).
  const pages = ['/toa-soan/nguoi-dung', '/toa-soan/nguoi-dung/an.nv', '/toa-soan/nguoi-dung/moi', '/toa-soan/nhat-ky', '/toa-soan/nguoi-dung/an.nv/xoa'];
  for (const target of ['/toa-soan', '/toa-soan/dang-nhap', '/toa-soan/doi-mat-khau', '/toa-soan/dang-nhap/gui/x', '/toa-soan/x', '/toa-soanx', ...pages]) {
    assert.equal(answer('GET', target), null, target);
    assert.equal(answer('POST', target)?.status, 405, target);
    assert.equal(answer('POST', target)?.headers?.Allow, 'GET, HEAD, OPTIONS');
  }
});
