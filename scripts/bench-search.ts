// npm run bench:search — search speed on a generated archive of 100,000 articles (server time, in process).
// A benchmark, not a test: it prints its figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, openDatabase, setProcessDatabase } from '@/db/client';
import { categories, images } from '@/db/schema';
import { ensureSearchIndex } from '@/db/queries/search-index';
import { searchArticles } from '@/db/queries/search';
import { generateDemoArticles } from '@/db/seed/generate';
import { parseSearchQuery } from '@/lib/search-query';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const ROUNDS = 5;
const QUERIES = [
  'hội nghị', 'hoi nghi', 'đồng chí', 'dong chi', 'Ðại hội', 'dai hoi', 'nông thôn mới', 'nong thon moi',
  'Thái Bình', 'thai binh', 'kiến xương', 'kien xuong', 'chuyển đổi số', 'chuyen doi so', 'giao thông',
  'an sinh xã hội', 'y te', 'giáo dục', 'khu công nghiệp', 'thu hut dau tu', 'vụ xuân', 'bong da', 'tết',
  'covid', 'phòng chống dịch', 'cải cách hành chính', 'ubnd tinh', 'hội nghị tổng kết công tác năm 2020',
  'người cao tuổi', 'làng nghề', 'xuat khau', 'tien hai', 'quynh phu', 'hung ha', 'vu thu', 'dong hung',
  'thai thuy', 'môi trường', 'du lich', 'văn hóa truyền thống', 'xyzzy khong co', 'NEAR OR AND "(', 'a',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-search-'));
  try {
    const db = openDatabase(path.join(dir, 'bench.db'));
    setProcessDatabase(db);
    db.insert(categories).values([17, 18, 19, 20, 21, 22, 29].map((id, i) => ({ id, name: `Chuyên mục ${id}`, position: i }))).run();
    db.insert(images).values({ file: 'anh-0123456789.jpg', width: 1600, height: 1067, alt: 'Ảnh' }).run();
    let started = performance.now();
    generateDemoArticles(db, { count: ARTICLES, seed: 1 });
    console.log(`Generated ${ARTICLES.toLocaleString('en-US')} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    ensureSearchIndex(db);
    console.log(`Built the search index in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const times: number[] = [];
    const perQuery: Array<[string, number, number]> = [];
    for (const q of QUERIES) await searchArticles({ terms: parseSearchQuery(q).terms, page: 1 }); // warm the page cache
    for (const q of QUERIES) {
      const { terms } = parseSearchQuery(q);
      const own: number[] = [];
      let total = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const t0 = performance.now();
        total = (await searchArticles({ terms, page: round % 2 ? 2 : 1 })).total;
        own.push(performance.now() - t0);
      }
      times.push(...own);
      perQuery.push([q, own.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!, total]);
    }
    times.sort((a, b) => a - b);
    for (const [q, ms, total] of perQuery.sort((a, b) => b[1] - a[1]).slice(0, 8)) {
      console.log(`  slowest: ${JSON.stringify(q).padEnd(40)} ${ms.toFixed(1).padStart(7)} ms  (${total} results)`);
    }
    console.log(
      `\n${times.length} searches over ${QUERIES.length} queries on ${ARTICLES.toLocaleString('en-US')} articles: ` +
        `median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms (target: median < 50 ms)`,
    );
    console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString()}`);
  } finally {
    closeDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
