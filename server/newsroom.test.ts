import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { isAllowedOrigin } from '../lib/same-origin.mjs';
import { ACCOUNT_ACTIONS } from '../lib/newsroom-accounts';
import {
  createNonce,
  dropRequestPolicies,
  isNewsroomFormTarget,
  isNewsroomPath,
  keepNewsroomHeaders,
  NEWSROOM_HEADERS,
  newsroomContentSecurityPolicy,
  refuseCrossSite,
  secureNewsroomExchange,
} from './newsroom.mjs';

const SITE = 'http://127.0.0.1:6100';

test('the newsroom is /toa-soan and everything under it, however it is spelled', () => {
  for (const path of ['/toa-soan', '/toa-soan/', '/toa-soan/dang-nhap', '/toa%2Dsoan/dang-nhap', '/TOA-SOAN']) assert.ok(isNewsroomPath(path), path);
  for (const path of ['/', '/toa-soanx', '/news/17/toa-soan', '/api/toa-soan', '/toa-soan%ZZ']) assert.equal(isNewsroomPath(path), false, path);
});

test("a state-changing request needs exactly the site's origin; reads need none", () => {
  for (const method of ['GET', 'HEAD', 'OPTIONS']) assert.ok(isAllowedOrigin({ method, origin: undefined, siteUrl: SITE }));
  assert.ok(isAllowedOrigin({ method: 'POST', origin: SITE, siteUrl: `${SITE}/` }));
  assert.ok(isAllowedOrigin({ method: 'POST', origin: 'https://tin.example.vn', siteUrl: 'https://tin.example.vn' }));
  const refused = [undefined, null, '', 'null', 'https://evil.example', 'http://127.0.0.1:6101', 'https://127.0.0.1:6100', `${SITE}/`, `${SITE}.evil.example`];
  for (const origin of refused) {
    for (const method of ['POST', 'PUT', 'DELETE', 'post']) assert.equal(isAllowedOrigin({ method, origin, siteUrl: SITE }), false, `${method} ${origin}`);
  }
  assert.deepEqual(refuseCrossSite({ method: 'POST', origin: 'null', siteUrl: SITE })?.status, 403);
  assert.equal(refuseCrossSite({ method: 'POST', origin: SITE, siteUrl: SITE }), null);
});

test("the newsroom's headers replace Next's, whichever way Next sets its own", async () => {
  const server = http.createServer((req, res) => {
    keepNewsroomHeaders(res, 'the policy');
    if (req.url === '/object') res.writeHead(200, { 'Cache-Control': 'private, no-cache, no-store, max-age=0, must-revalidate' }).end();
    else if (req.url === '/raw') res.writeHead(200, ['cache-control', 's-maxage=300', 'x-robots-tag', 'all']).end();
    else if (req.url === '/policy') res.writeHead(200, { 'content-security-policy': "script-src 'unsafe-inline'" }).end();
    else {
      res.setHeader('Cache-Control', 'public, max-age=60');
      res.setHeader('Referrer-Policy', 'unsafe-url');
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    for (const path of ['/object', '/raw', '/set', '/policy']) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      for (const [name, value] of NEWSROOM_HEADERS) assert.equal(response.headers.get(name), value, `${name} on ${path}`);
      assert.equal(response.headers.get('content-security-policy'), 'the policy', path);
    }
  } finally {
    server.close();
  }
});

test("the newsroom's form targets: the fixed ones and each action of an account's page, nothing else", () => {
  for (const path of ['/toa-soan/dang-nhap/gui', '/toa-soan/dang-xuat', '/toa-soan/doi-mat-khau/gui', '/toa-soan/nguoi-dung/moi/gui', '/toa-soan/bai-viet', '/toa-soan/anh']) {
    assert.ok(isNewsroomFormTarget(path), path);
  }
  for (const path of ['/toa-soan/bai-viet/60431/luu', '/toa-soan/bai-viet/1/xuat-ban']) assert.ok(isNewsroomFormTarget(path), path);
  for (const action of ACCOUNT_ACTIONS) {
    assert.ok(isNewsroomFormTarget(`/toa-soan/nguoi-dung/an.nv/${action}`), action);
    assert.ok(isNewsroomFormTarget(`/toa-soan/nguoi-dung/quan_tri_2/${action}`), action);
  }
  const pages = [
    '/toa-soan',
    '/toa-soan/nguoi-dung',
    '/toa-soan/nguoi-dung/moi',
    '/toa-soan/anh/x',
    '/toa-soan/nguoi-dung/an.nv',
    '/toa-soan/nhat-ky',
    '/toa-soan/nguoi-dung/an.nv/xoa',
    '/toa-soan/nguoi-dung/an.nv/vai-tro/x',
    '/toa-soan/nguoi-dung/AN.NV/vai-tro',
    '/toa-soan/nguoi-dung/a/vai-tro',
    '/toa-soan/nguoi-dung/an%2Fnv/vai-tro',
    '/toa-soan/nguoi-dung/an.nv/vai-tro/',
    '/x/toa-soan/nguoi-dung/an.nv/vai-tro',
    '/toa-soan/bai-viet/moi',
    '/toa-soan/bai-viet/60431',
    '/toa-soan/bai-viet/60431/xem-truoc',
    '/toa-soan/bai-viet/0/luu',
    '/toa-soan/bai-viet/01/luu',
    '/toa-soan/bai-viet/12345678901/luu',
    '/toa-soan/bai-viet/60431/luu/',
  ];
  for (const path of pages) assert.equal(isNewsroomFormTarget(path), false, path);
});

test("the newsroom's policy: scripts only with the response's nonce, which Next finds first", () => {
  const nonces = new Set(Array.from({ length: 1000 }, createNonce));
  assert.equal(nonces.size, 1000);
  for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
  const policy = newsroomContentSecurityPolicy('abc+/=');
  const directives = policy.split('; ');
  // next/dist/server/app-render/get-script-nonce-from-header.js takes the first directive starting "script-src".
  assert.equal(directives.find((directive) => directive.startsWith('script-src')), "script-src 'self' 'nonce-abc+/=' 'strict-dynamic'");
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "script-src-attr 'none'", "form-action 'self'"]) {
    assert.ok(directives.includes(directive), directive);
  }
});

test('a newsroom request carries its policy to Next; other requests carry none from the client', () => {
  const req = { headers: { 'content-security-policy': "script-src 'nonce-chosen'", 'content-security-policy-report-only': 'x' } } as unknown as http.IncomingMessage;
  const set = new Map<string, unknown>();
  const res = { setHeader: (name: string, value: unknown) => set.set(name.toLowerCase(), value), writeHead: () => res } as unknown as http.ServerResponse;
  const nonce = secureNewsroomExchange(req, res);
  assert.notEqual(nonce, 'chosen');
  assert.equal(req.headers['content-security-policy'], newsroomContentSecurityPolicy(nonce));
  assert.equal(set.get('content-security-policy'), newsroomContentSecurityPolicy(nonce));
  assert.equal(req.headers['content-security-policy-report-only'], undefined);
  const other = { headers: { 'content-security-policy': "script-src 'nonce-chosen'", 'content-security-policy-report-only': 'x' } } as unknown as http.IncomingMessage;
  dropRequestPolicies(other);
  assert.deepEqual(other.headers, {});
});
