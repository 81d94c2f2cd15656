import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWrk, percentile, tally } from './load.mjs';

const REPORT = `Running 10s test @ http://127.0.0.1:3900/news/17/60431/x
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.23ms    3.45ms  49.90ms   97.12%
    Req/Sec    23.45k     1.23k   26.00k    70.00%
  Latency Distribution
     50%  812.00us
     75%    1.50ms
     90%    2.00ms
     99%   49.90ms
  466874 requests in 10.00s, 6.08GB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 3
Requests/sec:  46687.40
Transfer/sec:    622.53MB
`;

test('a wrk report is read into numbers, latencies in milliseconds', () => {
  assert.deepEqual(parseWrk(REPORT), { requestsPerSecond: 46687.4, requests: 466874, p50: 0.812, p99: 49.9, non2xx3xx: 3, socketErrors: 3 });
  const clean = parseWrk(REPORT.replace(/ {2}Socket errors.*\n/, '').replace(/ {2}Non-2xx.*\n/, '').replace('49.90ms\n  466874', '1.20s\n  466874'));
  assert.equal(clean.socketErrors, 0);
  assert.equal(clean.non2xx3xx, 0);
  assert.equal(clean.p99, 1200);
});

test('percentiles and tallies', () => {
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50), 5);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99), 10);
  assert.ok(Number.isNaN(percentile([], 50)));
  assert.deepEqual(tally(['HIT', 'MISS', 'HIT'], (x: string) => x), { HIT: 2, MISS: 1 });
});
