import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { importFile, importPath } from '@/db/import/import-content';
import { searchArticles, SEARCH_PAGE_SIZE, type SearchResults } from '@/db/queries/search';
import { useThrowawayDatabase } from '@/db/testing';
import { parseSearchQuery } from '@/lib/search-query';

// Search as readers use it, on articles imported the way editors import them. A contract test: npm run
// test:contract runs it on PostgreSQL (tsvector, ts_rank), npm run test:unit on SQLite (FTS5, bm25). The same
// content gives the same hits and totals on both; order is asserted only where the portal defines it (phrase
// matches first), never where it is the engine's own score.

let dir: string;
let cleanup: () => Promise<void>;

// Each article's words are chosen so that every query below has one right answer (folded: "hội" is `hoi`).
const HOI_NGHI = 81001; // "hội nghị" as a phrase, in its title
const NGHI_QUYET = 81002; // "hội" and "nghị" both, never side by side
const DONG_CHI_PHRASE = 81003; // "đồng chí" as a phrase, in its body only
const DONG_CHI_APART = 81004; // "đồng" and "chí" in its title, apart: a score alone would rank it first
const THU_HOACH = 81005;
const DRAFT = 81006; // imported as a draft: "hội nghị" in its title, and the only "bí mật"
const UNPUBLISHED = 81007; // published, then re-imported as a draft
const EDITED = 81008; // its title is edited: "khánh thành" becomes "khai trương"
const REPORTS = Array.from({ length: 22 }, (_, i) => 81100 + i); // "phóng sự": more than a page

type Article = { id: number; title: string; sapo: string; text: string; keywords?: string[]; status?: 'draft' | 'published'; categoryId?: number };

const ARTICLES: Article[] = [
  {
    id: HOI_NGHI,
    title: 'Hội nghị tổng kết công tác năm 2020',
    sapo: 'Chiều 26/01/2021, Văn phòng UBND tỉnh tổ chức hội nghị tổng kết.',
    text: 'Các đại biểu đã thảo luận sôi nổi.',
    keywords: ['Hội nghị tổng kết'],
  },
  {
    id: NGHI_QUYET,
    title: 'Đại hội Đảng bộ quán triệt nghị quyết mới',
    sapo: 'Đảng bộ tỉnh triển khai nghị quyết tới cơ sở.',
    text: 'Việc học tập được tổ chức nghiêm túc.',
  },
  {
    id: DONG_CHI_PHRASE,
    title: 'Lãnh đạo tỉnh thăm bà con vùng lũ',
    sapo: 'Đoàn công tác đã trao quà cho các hộ dân.',
    text: 'Đồng chí Chủ tịch UBND tỉnh trao quà tận tay từng gia đình.',
  },
  {
    id: DONG_CHI_APART,
    title: 'Ý chí vươn lên của nông dân vùng đồng bãi',
    sapo: 'Nông dân ven sông cải tạo đất bãi.',
    text: 'Mỗi vụ lúa đều cho năng suất cao.',
    categoryId: 18,
  },
  {
    id: THU_HOACH,
    title: 'Nông dân thu hoạch lúa xuân sớm',
    sapo: 'Năng suất lúa năm nay đạt khá.',
    text: 'Hợp tác xã hỗ trợ máy gặt.',
    keywords: ['Cơ giới hóa'],
    categoryId: 18,
  },
  { id: DRAFT, title: 'Hội nghị bí mật chưa công bố', sapo: 'Bản thảo chưa duyệt.', text: 'Nội dung bí mật.', status: 'draft' },
  { id: UNPUBLISHED, title: 'Thông báo lịch tiếp công dân', sapo: 'Lịch tiếp công dân tháng Hai.', text: 'Địa điểm: trụ sở tiếp công dân.' },
  { id: EDITED, title: 'Khánh thành chợ đầu mối nông sản', sapo: 'Tiểu thương phấn khởi trong ngày đầu.', text: 'Chợ mở cửa từ sáng sớm.', categoryId: 18 },
  ...REPORTS.map((id, i) => ({ id, title: `Phóng sự ảnh số ${i + 1}`, sapo: 'Ghi nhận từ cơ sở.', text: 'Ảnh: phóng viên.' })),
];

// Every article on a day of its own, so "newest first" never meets a tie.
const publishedAt = (id: number) => new Date(Date.UTC(2021, 1, 1, 1) + (id - 81000) * 86_400_000);

function importJson({ id, title, sapo, text, keywords = [], status = 'published', categoryId = 17 }: Article) {
  return { id, categoryId, title, sapo, publishedAt: publishedAt(id).toISOString().replace('Z', '+00:00'), status, keywords, body: [{ type: 'paragraph', text }] };
}

function writeJson(file: string, value: unknown): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

/** Re-imports an article with some fields changed, as an editor would. */
async function reimport(id: number, change: Partial<Article>) {
  const article = { ...ARTICLES.find((a) => a.id === id)!, ...change };
  const outcome = await importFile(writeJson(path.join(dir, 'edits', `${id}-${Date.now()}.json`), importJson(article)), { mediaDir: path.join(dir, 'store') });
  assert.ok(outcome.ok && outcome.summary === `article ${id} updated`, JSON.stringify(outcome));
}

before(async () => {
  ({ dir, cleanup } = await useThrowawayDatabase());
  const folder = path.join(dir, 'import');
  writeJson(path.join(folder, 'categories.json'), {
    categories: [
      { id: 17, name: 'Chính trị' },
      { id: 18, name: 'Kinh tế', position: 1 },
    ],
  });
  for (const article of ARTICLES) writeJson(path.join(folder, `${article.id}.json`), importJson(article));
  const outcomes = await importPath(folder, { mediaDir: path.join(dir, 'store') });
  assert.equal(outcomes.length, ARTICLES.length + 1);
  assert.deepEqual(outcomes.filter((o) => !o.ok), []);
});
after(() => cleanup());

const search = (query: string, page = 1) => searchArticles({ terms: parseSearchQuery(query).terms, page });
const ids = (results: SearchResults) => results.hits.map((hit) => hit.id);
const sorted = (list: number[]) => [...list].sort((a, b) => a - b);

test('with or without diacritics, in any case: the same hits, the same order, the same total', async () => {
  const reference = await search('hội nghị');
  assert.deepEqual(sorted(ids(reference)), [HOI_NGHI, NGHI_QUYET]);
  assert.equal(reference.total, 2);
  assert.equal(reference.matchedAll, true);
  assert.equal(reference.pageCount, 1);
  for (const query of ['hoi nghi', 'HỘI NGHỊ', 'Hoi Nghi', '  hội,  nghị! ']) {
    const results = await search(query);
    assert.deepEqual(ids(results), ids(reference), query);
    assert.equal(results.total, reference.total, query);
    assert.equal(results.matchedAll, true, query);
  }
});

test('a hit carries what the results page shows, read back the same on either engine', async () => {
  const [first] = (await search('hoi nghi')).hits;
  assert.ok(first);
  const { snippet, ...rest } = first;
  assert.deepEqual(rest, {
    id: HOI_NGHI,
    categoryId: 17,
    categoryName: 'Chính trị',
    slug: 'hoi-nghi-tong-ket-cong-tac-nam-2020',
    title: 'Hội nghị tổng kết công tác năm 2020',
    publishedAt: publishedAt(HOI_NGHI),
  });
  assert.deepEqual(
    snippet.filter((part) => part.mark).map((part) => part.text),
    ['hội', 'nghị'],
    'the sapo, with the words found marked as typed in the article',
  );
});

test('the last word is also a prefix once it has three letters', async () => {
  const full = await search('hội nghị');
  for (const query of ['hội ngh', 'hoi ngh', 'hội nghi']) {
    const results = await search(query);
    assert.deepEqual(ids(results), ids(full), query);
    assert.equal(results.total, full.total, query);
  }
  assert.deepEqual(ids(await search('thu hoạc')), [THU_HOACH]);
  // Two letters are a word of their own: no article has "ng", so any article with "hội" is listed instead.
  const short = await search('hội ng');
  assert.equal(short.matchedAll, false);
  assert.deepEqual(sorted(ids(short)), [HOI_NGHI, NGHI_QUYET]);
});

test('articles where the words stand together as a phrase come first, even when another scores higher', async () => {
  const results = await search('đồng chí');
  // By weights alone the article with both words in its title would lead; the phrase in a body comes first.
  assert.deepEqual(ids(results), [DONG_CHI_PHRASE, DONG_CHI_APART]);
  assert.equal(results.total, 2);
  assert.equal((await search('hội nghị')).hits[0]?.id, HOI_NGHI);
  assert.equal((await search('hội ngh')).hits[0]?.id, HOI_NGHI);
});

test('an article is found by its keywords too', async () => {
  const results = await search('cơ giới hóa');
  assert.deepEqual(ids(results), [THU_HOACH]);
  assert.equal(results.matchedAll, true);
});

test('when no article has every word, articles with any of them are listed (matchedAll: false)', async () => {
  const results = await search('hội nghị thu hoạch');
  assert.equal(results.matchedAll, false);
  assert.deepEqual(sorted(ids(results)), [HOI_NGHI, NGHI_QUYET, THU_HOACH]);
  assert.equal(results.total, 3);
  assert.equal(results.pageCount, 1);
});

test('an unknown word finds nothing: total 0, no page', async () => {
  assert.deepEqual(await search('xyzzy'), { hits: [], total: 0, page: 1, pageCount: 0, matchedAll: true });
  assert.deepEqual(await search('xyzzy plugh'), { hits: [], total: 0, page: 1, pageCount: 0, matchedAll: false });
});

test('an unpublished article is never found, and one taken down leaves the results at once', async () => {
  assert.deepEqual(await search('bí mật'), { hits: [], total: 0, page: 1, pageCount: 0, matchedAll: false });
  assert.deepEqual(await search('mật'), { hits: [], total: 0, page: 1, pageCount: 0, matchedAll: true });
  for (const query of ['hội nghị', 'hội nghị bí mật', 'chưa công bố']) assert.ok(!ids(await search(query)).includes(DRAFT), query);

  const before = await search('lịch tiếp');
  assert.deepEqual(ids(before), [UNPUBLISHED]);
  assert.equal(before.total, 1);
  await reimport(UNPUBLISHED, { status: 'draft' });
  const after = await search('lịch tiếp');
  assert.deepEqual(after.hits, []);
  assert.equal(after.total, 0);
});

test('an edited title is found by its new words, and no longer by its old ones', async () => {
  const old = await search('khánh thành');
  assert.deepEqual(ids(old), [EDITED]);
  assert.ok(!ids(await search('khai trương')).includes(EDITED));

  await reimport(EDITED, { title: 'Khai trương chợ đầu mối nông sản' });
  const renamed = await search('khai trương');
  assert.deepEqual(ids(renamed), [EDITED]);
  assert.equal(renamed.total, 1);
  assert.equal(renamed.matchedAll, true);
  assert.equal(renamed.hits[0]!.title, 'Khai trương chợ đầu mối nông sản');
  assert.deepEqual(ids(await search('khai trươ')), [EDITED], 'its new words as a prefix too');
  const gone = await search('khánh thành');
  assert.deepEqual(gone.hits, []);
  assert.equal(gone.total, 0);
  // What the edit did not touch still finds it.
  assert.deepEqual(ids(await search('chợ đầu mối')), [EDITED]);
});

test('pages of 20: the total is exact, every hit on exactly one page, nothing past the last page', async () => {
  const first = await search('phóng sự');
  assert.equal(first.total, REPORTS.length);
  assert.equal(first.matchedAll, true);
  assert.equal(first.pageCount, 2);
  assert.equal(first.hits.length, SEARCH_PAGE_SIZE);
  const second = await search('phóng sự', 2);
  assert.equal(second.total, REPORTS.length);
  assert.equal(second.hits.length, REPORTS.length - SEARCH_PAGE_SIZE);
  assert.deepEqual(sorted([...ids(first), ...ids(second)]), REPORTS);
  assert.deepEqual((await search('phóng sự', 3)).hits, []);
});
