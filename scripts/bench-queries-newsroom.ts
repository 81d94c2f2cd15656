// The newsroom's article list (/toa-soan, issue #17: under 100 ms of server time on 100,000 articles), timed by
// npm run bench:queries after the public queries. A generated archive has only published, imported articles (no
// creator), so this works on a copy of the file in which every 20th article is a draft and 20 reporters made every
// 10th (in turn); the copy is deleted at the end. A copy, not a transaction rolled back: SQLite reads the pages
// that transaction changed from its WAL, which is slower than what the list meets in production.
import fs from 'node:fs';
import os from 'node:os';
import { closeDatabase, openDatabase, setProcessDatabase } from '@/db/client';
import type { SqliteDb } from '@/db/engine';
import { listMyArticles, listNewsroomArticles } from '@/db/queries/newsroom-articles';
import { mulberry32 } from '@/db/seed/generate';
import type { NewsroomViewer } from '@/lib/newsroom-articles';

type Timing = { name: string; wall: number[]; cpu: number[] };

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const quantile = (values: number[], q: number) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? NaN;
const ms = (value: number) => value.toFixed(2).padStart(9);

async function bench(name: string, runs: number, run: (i: number) => Promise<unknown>): Promise<Timing> {
  const timing: Timing = { name, wall: [], cpu: [] };
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await run(i);
    timing.wall.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    timing.cpu.push((used.user + used.system) / 1000);
  }
  return timing;
}

function print(title: string, timings: Timing[]): void {
  console.log(`\n${title}\n${'query'.padEnd(52)}${'runs'.padStart(6)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}${'cpu p50'.padStart(9)}${'cpu p99'.padStart(9)}  (ms)`);
  for (const t of timings) {
    console.log(`${t.name.padEnd(52)}${String(t.wall.length).padStart(6)}${ms(quantile(t.wall, 0.5))}${ms(quantile(t.wall, 0.99))}${ms(Math.max(...t.wall))}${ms(quantile(t.cpu, 0.5))}${ms(quantile(t.cpu, 0.99))}`);
  }
}

const REPORTERS = 20;

/** Drafts and reporters' articles, as a newsroom has them (undone by the caller's rollback). */
function addNewsroomArticles(sqlite: SqliteDb['$client']): { drafts: number; own: number } {
  const drafts = sqlite.prepare(`UPDATE articles SET status = 'draft' WHERE id % 20 = 0`).run().changes;
  const own = sqlite.prepare(`UPDATE articles SET created_by = 'bench-pv-' || ((id / 10) % ${REPORTERS}), updated_by = created_by WHERE id % 10 = 1`).run().changes;
  return { drafts, own };
}

/**
 * Times the list on a copy of `file` (the process's database is closed first, and `file` is not changed): the copy
 * is the process's database while this runs, and is removed afterwards.
 */
export async function benchNewsroomList(file: string, { runs, seed }: { runs: number; seed: number }): Promise<void> {
  await closeDatabase(); // its WAL checkpointed into the file, which is then whole
  const copy = `${file}.newsroom-bench`;
  fs.copyFileSync(file, copy);
  const db = openDatabase(copy);
  setProcessDatabase(db);
  const sqlite = db.$client;
  try {
    const { drafts, own } = sqlite.transaction(() => addNewsroomArticles(sqlite)).immediate();
    const random = mulberry32(seed);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const categoryIds = sqlite.prepare('SELECT id FROM categories ORDER BY position, id').pluck().all() as number[];
    const authors = sqlite.prepare('SELECT DISTINCT author_slug FROM article_authors').pluck().all() as string[];
    const leader: NewsroomViewer = { id: 'bench-ld', role: 'lanh-dao', categoryIds: [] };
    // A reporter with two categories, and articles of their own in others.
    const reporter: NewsroomViewer = { id: 'bench-pv-1', role: 'phong-vien', categoryIds: categoryIds.slice(0, 2) };
    const pages = Array.from({ length: runs }, () => 1 + Math.floor(random() * 5));
    const cats = Array.from({ length: runs }, () => pick(categoryIds));
    const bylines = Array.from({ length: runs }, () => pick(authors));
    const lastPage = (await listNewsroomArticles({ viewer: leader, page: 1 })).pageCount;
    const list = (query: Omit<Parameters<typeof listNewsroomArticles>[0], 'page'>, i: number) => listNewsroomArticles({ ...query, page: pages[i]! });
    const timings: Timing[] = [];
    for (const [name, run] of [
      ['lanh-dao, no filter, page 1-5', (i: number) => list({ viewer: leader }, i)],
      [`lanh-dao, no filter, last page (${lastPage})`, () => listNewsroomArticles({ viewer: leader, page: lastPage })],
      ['lanh-dao, q=thai binh, page 1-5', (i: number) => list({ viewer: leader, q: 'thai binh' }, i)],
      ['lanh-dao, q=xyzzy (no match)', (i: number) => list({ viewer: leader, q: 'xyzzy' }, i)],
      ['lanh-dao, status=draft, page 1-5', (i: number) => list({ viewer: leader, status: 'draft' }, i)],
      ['lanh-dao, one category, page 1-5', (i: number) => list({ viewer: leader, categoryId: cats[i]! }, i)],
      ['lanh-dao, one author, page 1-5', (i: number) => list({ viewer: leader, author: bylines[i]! }, i)],
      ['lanh-dao, q=thai binh + one category, page 1-5', (i: number) => list({ viewer: leader, q: 'thai binh', categoryId: cats[i]! }, i)],
      ['phong-vien (2 categories + own), page 1-5', (i: number) => list({ viewer: reporter }, i)],
      ['phong-vien, status=draft, page 1-5', (i: number) => list({ viewer: reporter, status: 'draft' }, i)],
      ['phong-vien, q=thai binh, page 1-5', (i: number) => list({ viewer: reporter, q: 'thai binh' }, i)],
      ['phong-vien, mine (10 newest)', () => listMyArticles(reporter)],
    ] as const) {
      timings.push(await bench(name, runs, run));
    }
    const total = sqlite.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    print(`Newsroom article list (${total.toLocaleString('en-US')} articles, ${drafts.toLocaleString('en-US')} drafts, ${own.toLocaleString('en-US')} by ${REPORTERS} reporters; count + page + rows; budget 100 ms)`, timings);
    console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}, ${new Date().toISOString()}`);
  } finally {
    await closeDatabase();
    for (const leftover of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(leftover, { force: true });
  }
}
