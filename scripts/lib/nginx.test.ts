import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { mainConf, NGINX_BIN, PORTAL_CONF, portalConfFor } from './nginx.mjs';

const shipped = fs.readFileSync(PORTAL_CONF, 'utf8');
/** The directives only, comments left out (the file has no `#` inside a value). */
const directives = (text: string) => text.replace(/#.*$/gm, '');
const values = { listen: '127.0.0.1:3900', upstreams: ['127.0.0.1:3901', '127.0.0.1:3902'] as [string, string], cacheDir: '/tmp/x/cache', logDir: '/tmp/x/logs' };

test('the cluster test puts its ports and paths in place of every deployment value of portal.conf', () => {
  const conf = portalConfFor(shipped, values);
  assert.match(conf, /^\s+listen 127\.0\.0\.1:3900;$/m);
  assert.match(conf, /^\s+server 127\.0\.0\.1:3901 max_fails/m);
  assert.match(conf, /^\s+server 127\.0\.0\.1:3902 max_fails/m);
  assert.match(conf, /^proxy_cache_path \/tmp\/x\/cache /m);
  assert.match(conf, /access_log \/tmp\/x\/logs\/portal\.access\.log portal;/);
  assert.match(conf, /error_log \/tmp\/x\/logs\/portal\.error\.log;/);
  for (const deployment of [/listen 80;/, /:300[12]/, /\/var\/cache\/nginx/, /\/var\/log\/nginx/]) assert.doesNotMatch(directives(conf), deployment);
  // Everything else is the shipped file as it is.
  assert.equal(conf.split('\n').length, shipped.split('\n').length);
});

test('a portal.conf without one of those values is refused rather than tested with the wrong one', () => {
  assert.throws(() => portalConfFor(shipped.replace('listen 80;', 'listen 8080;'), values), /no longer has "listen 80;"/);
  assert.throws(() => portalConfFor(shipped.replace('server 127.0.0.1:3002 ', 'server 10.0.0.2:3002 '), values), /server 127\.0\.0\.1:3002/);
});

test('the shipped file never caches the API, keys on the RSC headers and passes the app’s Cache-Control through', () => {
  assert.match(shipped, /proxy_cache_key "[^"]*\$request_uri[^"]*\$http_rsc[^"]*\$http_next_router_prefetch[^"]*\$http_next_router_segment_prefetch[^"]*\$http_next_router_state_tree/);
  assert.match(shipped, /location \/api\/ \{\s+proxy_cache_bypass 1;\s+proxy_no_cache 1;/);
  assert.doesNotMatch(directives(shipped), /proxy_cache_valid/);
  assert.doesNotMatch(directives(shipped), /proxy_ignore_headers[^;]*(Cache-Control|Expires)/);
  assert.doesNotMatch(directives(shipped), /non_idempotent/);
});

test('nginx accepts the configuration the cluster test runs (when nginx is installed)', (t) => {
  if (!fs.existsSync(NGINX_BIN)) return t.skip(`${NGINX_BIN} is not installed`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nginx-test-'));
  try {
    for (const sub of ['logs', 'temp']) fs.mkdirSync(path.join(dir, sub));
    const portal = path.join(dir, 'portal.conf');
    fs.writeFileSync(portal, portalConfFor(shipped, { ...values, cacheDir: path.join(dir, 'cache'), logDir: path.join(dir, 'logs') }));
    const conf = path.join(dir, 'nginx.conf');
    fs.writeFileSync(conf, mainConf({ dir, portalConf: portal }));
    const result = spawnSync(NGINX_BIN, ['-t', '-p', `${dir}/`, '-e', `${dir}/logs/error.log`, '-c', conf], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
