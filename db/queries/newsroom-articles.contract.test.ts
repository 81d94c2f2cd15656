import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { withTransaction, type Db } from '@/db/client';
import { articles } from '@/db/schema';
import { saveArticle } from '@/db/queries/article-writes';
import { listMyArticles, listNewsroomArticles, type NewsroomViewer } from '@/db/queries/newsroom-articles';
import { ensureTitlesFolded } from '@/db/queries/newsroom-articles-backfill';
import { createStaffUser } from '@/db/queries/staff';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';
import { bylineAuthors } from '@/lib/authors';
import { NEWSROOM_PAGE_SIZE, type NewsroomArticleFilters } from '@/lib/newsroom-articles';
import { canSeeArticle } from '@/lib/newsroom-permissions';
import type { StaffRole } from '@/lib/staff-roles';
import { foldVietnamese } from '@/lib/vietnamese';

// The newsroom's article list (issue #17): who sees what (the SQL against canSeeArticle), each filter, the title
// search's folding and its LIKE metacharacters, the order and the pages, and "Bài của tôi". Both engines.

let db: Db;
let cleanup: () => Promise<void>;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 1, minute));

type Fixture = { id: number; title: string; categoryId: number; status: 'draft' | 'published'; byline: string | null; createdBy: string | null; minute: number };
const viewers = {} as Record<'ld' | 'pv17' | 'pvNone' | 'btv19' | 'qt', NewsroomViewer>;
const names: Record<string, string> = {};
let fixtures: Fixture[] = [];

async function staff(username: string, name: string, role: StaffRole, categoryIds: number[]): Promise<NewsroomViewer> {
  const { id } = await withTransaction((tx) =>
    createStaffUser(tx, { username, name, role, categoryIds, passwordHash: 'not-a-real-hash', mustChangePassword: false }, { actor: 'cli', address: null }),
  );
  names[id] = name;
  return { id, role, categoryIds };
}

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [
    { id: 17, name: 'Chính trị' },
    { id: 18, name: 'Kinh tế' },
    { id: 19, name: 'Xã hội' },
  ]);
  viewers.ld = await staff('ld.mot', 'Phạm Lãnh Đạo', 'lanh-dao', []);
  viewers.pv17 = await staff('pv.mot', 'Nguyễn Văn Một', 'phong-vien', [17]);
  viewers.pvNone = await staff('pv.hai', 'Lê Thị Hai', 'phong-vien', []);
  viewers.btv19 = await staff('btv.ba', 'Trần Văn Ba', 'bien-tap-vien', [19]);
  viewers.qt = await staff('qt.bon', 'Đỗ Quản Trị', 'quan-tri', []);
  fixtures = [
    { id: 1, title: 'Thái Bình đón Tết', categoryId: 17, status: 'published', byline: 'Cao Biền', createdBy: viewers.pv17.id, minute: 1 },
    { id: 2, title: 'Lễ hội đền Trần THÁI BÌNH', categoryId: 18, status: 'draft', byline: 'Minh Thu', createdBy: viewers.pv17.id, minute: 2 },
    { id: 3, title: 'Giá lúa tăng 100% so với năm ngoái', categoryId: 18, status: 'published', byline: 'Cao Biền - Minh Thu', createdBy: null, minute: 3 },
    { id: 4, title: 'Mã dự án DA_01 được duyệt', categoryId: 19, status: 'draft', byline: null, createdBy: viewers.pvNone.id, minute: 4 },
    { id: 5, title: 'Đường Thái Bình – Hà Nội thông xe', categoryId: 19, status: 'published', byline: 'Minh Thu', createdBy: viewers.btv19.id, minute: 5 },
    { id: 6, title: 'Giá lúa tăng 1000 đồng, DA-01 chưa duyệt', categoryId: 18, status: 'published', byline: 'Hoàng Lâm', createdBy: null, minute: 6 },
    // 7-31: a category's worth of pages; 30 and 31 changed at the same minute (the larger id first).
    ...Array.from({ length: 25 }, (_, i): Fixture => ({
      id: 7 + i,
      title: `Tin thời sự số ${7 + i}`,
      categoryId: 17,
      status: i % 5 === 0 ? 'draft' : 'published',
      byline: 'Hoàng Lâm',
      createdBy: null,
      minute: Math.min(7 + i, 30),
    })),
  ];
  for (const f of fixtures) {
    await withTransaction((tx) =>
      saveArticle(tx, {
        id: f.id,
        categoryId: f.categoryId,
        slug: `bai-${f.id}`,
        title: f.title,
        sapo: `Sapo ${f.id}.`,
        byline: f.byline,
        status: f.status,
        publishedAt: at(0),
        updatedAt: at(f.minute),
        body: [{ type: 'paragraph', spans: [{ text: `Nội dung ${f.id}.` }] }],
        keywords: [],
      }),
    );
    if (f.createdBy) await db.update(articles).set({ createdBy: f.createdBy, updatedBy: f.createdBy }).where(eq(articles.id, f.id));
  }
});
after(() => cleanup());

/** Every id the list gives over all its pages, in order (and each page's bookkeeping checked on the way). */
async function allIds(viewer: NewsroomViewer, filters: NewsroomArticleFilters = {}): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const result = await listNewsroomArticles({ viewer, ...filters, page });
    assert.equal(result.page, page);
    assert.ok(result.items.length <= NEWSROOM_PAGE_SIZE);
    ids.push(...result.items.map((item) => item.id));
    if (page >= result.pageCount) {
      assert.equal(ids.length, result.total);
      return ids;
    }
  }
}

/** What the list must give, from the fixtures and canSeeArticle: the same filters in plain TypeScript. */
function expected(viewer: NewsroomViewer, filters: NewsroomArticleFilters = {}): number[] {
  return fixtures
    .filter((f) => canSeeArticle(viewer, f))
    .filter((f) => !filters.status || f.status === filters.status)
    .filter((f) => !filters.categoryId || f.categoryId === filters.categoryId)
    .filter((f) => !filters.author || bylineAuthors(f.byline).some((a) => a.slug === filters.author))
    .filter((f) => !filters.q || foldVietnamese(f.title).includes(foldVietnamese(filters.q).trim()))
    .sort((a, b) => b.minute - a.minute || b.id - a.id)
    .map((f) => f.id);
}

test('each role sees exactly what canSeeArticle lets it see, newest change first', async () => {
  for (const [name, viewer] of Object.entries(viewers)) assert.deepEqual(await allIds(viewer), expected(viewer), name);
  assert.equal((await allIds(viewers.ld)).length, 31);
  assert.deepEqual(await allIds(viewers.pvNone), [4]);
  assert.deepEqual(await allIds(viewers.btv19), [5, 4]);
  assert.deepEqual(await listNewsroomArticles({ viewer: viewers.qt, page: 1 }), { items: [], total: 0, page: 1, pageCount: 1 });
  // A reporter of category 17 sees their own draft in 18 too, and nothing else of 18 or 19.
  const pv = await allIds(viewers.pv17);
  assert.ok(pv.includes(2) && !pv.includes(3) && !pv.includes(5));
});

test('every filter, alone and together, for every role, gives what canSeeArticle and the filter give', async () => {
  const filterSets: NewsroomArticleFilters[] = [
    { status: 'draft' },
    { status: 'published' },
    { categoryId: 17 },
    { categoryId: 18 },
    { author: 'cao-bien' },
    { author: 'minh-thu' },
    { author: 'khong-co-ai' },
    { q: 'thai binh' },
    { q: 'gia lua' },
    { status: 'published', categoryId: 18 },
    { status: 'draft', categoryId: 17 },
    { q: 'thai binh', categoryId: 19 },
    { q: 'thai binh', status: 'draft' },
    { q: 'gia lua', author: 'cao-bien' },
    { author: 'hoang-lam', status: 'draft', categoryId: 17 },
  ];
  let nonEmpty = 0;
  for (const filters of filterSets) {
    for (const [name, viewer] of Object.entries(viewers)) {
      const want = expected(viewer, filters);
      assert.deepEqual(await allIds(viewer, filters), want, `${name} ${JSON.stringify(filters)}`);
      if (want.length) nonEmpty++;
    }
  }
  // 30 of the 75 lists have something in them (a quan-tri's never do): the comparisons are not all of empty lists.
  assert.equal(nonEmpty, 30);
  assert.deepEqual(await allIds(viewers.ld, { status: 'draft', categoryId: 17 }), [27, 22, 17, 12, 7]);
  assert.deepEqual(await allIds(viewers.ld, { author: 'minh-thu' }), [5, 3, 2]);
});

test('the title search folds like the public search: without diacritics, in capitals, with đ', async () => {
  assert.deepEqual(await allIds(viewers.ld, { q: 'thai binh' }), [5, 2, 1]);
  assert.deepEqual(await allIds(viewers.ld, { q: 'THÁI' }), [5, 2, 1]);
  assert.deepEqual(await allIds(viewers.ld, { q: '  Thái   Bình ' }), [5, 2, 1]);
  assert.deepEqual(await allIds(viewers.ld, { q: 'duong thai' }), [5]);
  assert.deepEqual(await allIds(viewers.ld, { q: 'ĐƯỜNG' }), [5]);
  assert.deepEqual(await allIds(viewers.ld, { q: 'không có bài này' }), []);
  // Nothing to search for is no search.
  assert.equal((await allIds(viewers.ld, { q: '   ' })).length, 31);
});

test('% and _ in a title search match only themselves', async () => {
  assert.deepEqual(await allIds(viewers.ld, { q: '100%' }), [3]);
  assert.deepEqual(await allIds(viewers.ld, { q: '%' }), [3]);
  assert.deepEqual(await allIds(viewers.ld, { q: 'da_01' }), [4]);
  assert.deepEqual(await allIds(viewers.ld, { q: '_' }), [4]);
  assert.deepEqual(await allIds(viewers.ld, { q: 'gia lua tang 100' }), [6, 3]);
  assert.deepEqual(await allIds(viewers.ld, { q: '\\' }), []);
});

test('pages of 20, newest change first (then the larger id); a page past the last gives the last', async () => {
  const first = await listNewsroomArticles({ viewer: viewers.ld, page: 1 });
  assert.equal(first.total, 31);
  assert.equal(first.pageCount, 2);
  assert.deepEqual(
    first.items.slice(0, 4).map((a) => a.id),
    [31, 30, 29, 28],
  );
  const second = await listNewsroomArticles({ viewer: viewers.ld, page: 2 });
  assert.equal(second.items.length, 11);
  assert.equal(second.items.at(-1)!.id, 1);
  for (const filters of [{}, { q: 'tin thoi su' }, { author: 'hoang-lam' }]) {
    const past = await listNewsroomArticles({ viewer: viewers.ld, ...filters, page: 9 });
    const last = await listNewsroomArticles({ viewer: viewers.ld, ...filters, page: past.pageCount });
    assert.equal(past.page, past.pageCount, JSON.stringify(filters));
    assert.deepEqual(past, last, JSON.stringify(filters));
    assert.ok(past.items.length > 0);
  }
  const none = await listNewsroomArticles({ viewer: viewers.ld, q: 'không có', page: 3 });
  assert.deepEqual(none, { items: [], total: 0, page: 1, pageCount: 1 });
});

test('a row has what the list shows: category, byline, last change and who made it, version, public address when published', async () => {
  const [published] = (await listNewsroomArticles({ viewer: viewers.ld, q: 'thai binh', categoryId: 19, page: 1 })).items;
  assert.deepEqual(published, {
    id: 5,
    title: 'Đường Thái Bình – Hà Nội thông xe',
    status: 'published',
    categoryId: 19,
    categoryName: 'Xã hội',
    byline: 'Minh Thu',
    updatedAt: at(5),
    updatedByName: 'Trần Văn Ba',
    version: 1,
    publicPath: '/news/19/5/bai-5',
  });
  const [draft] = (await listNewsroomArticles({ viewer: viewers.ld, q: 'da_01', page: 1 })).items;
  assert.equal(draft!.publicPath, null);
  assert.equal(draft!.status, 'draft');
  const [imported] = (await listNewsroomArticles({ viewer: viewers.ld, q: '100%', page: 1 })).items;
  assert.equal(imported!.updatedByName, null);
});

test('"Bài của tôi": the viewer’s own articles, newest change first, at most 10; none for who made none or writes none', async () => {
  assert.deepEqual(
    (await listMyArticles(viewers.pv17)).map((a) => a.id),
    [2, 1],
  );
  assert.deepEqual(
    (await listMyArticles(viewers.pv17, 1)).map((a) => a.id),
    [2],
  );
  assert.deepEqual(
    (await listMyArticles(viewers.btv19)).map((a) => a.title),
    ['Đường Thái Bình – Hà Nội thông xe'],
  );
  assert.deepEqual(await listMyArticles(viewers.ld), []);
  // An account that cannot write articles sees none, even of its own making.
  assert.deepEqual(await listMyArticles({ ...viewers.qt, id: viewers.pv17.id }), []);
  // Twelve of one's own: the ten newest changed.
  const busy = await staff('pv.nam', 'Vũ Văn Năm', 'phong-vien', [18]);
  for (let id = 40; id < 52; id++) {
    await withTransaction((tx) =>
      saveArticle(tx, {
        id,
        categoryId: 18,
        title: `Bài nháp ${id}`,
        sapo: 'Sapo.',
        byline: null,
        status: 'draft',
        publishedAt: at(0),
        updatedAt: at(id),
        body: [{ type: 'paragraph', spans: [{ text: `Nội dung ${id}.` }] }],
        keywords: [],
      }),
    );
    await db.update(articles).set({ createdBy: busy.id }).where(eq(articles.id, id));
  }
  assert.deepEqual(
    (await listMyArticles(busy)).map((a) => a.id),
    [51, 50, 49, 48, 47, 46, 45, 44, 43, 42],
  );
});

test('titles saved before the folded column existed are folded when the database is opened, once, and found', async () => {
  // What migration 0013 (PostgreSQL 0005) leaves for every article saved before it, and the demo generator writes.
  await db.update(articles).set({ titleFolded: '' }).where(eq(articles.id, 5));
  await db.update(articles).set({ titleFolded: '' }).where(eq(articles.id, 2));
  assert.deepEqual(await allIds(viewers.ld, { q: 'thai binh' }), [1]);
  assert.deepEqual(await ensureTitlesFolded(db), { folded: 2 });
  assert.deepEqual(await allIds(viewers.ld, { q: 'thai binh' }), [5, 2, 1]);
  const [row] = await db.select({ titleFolded: articles.titleFolded }).from(articles).where(eq(articles.id, 5));
  assert.equal(row!.titleFolded, 'duong thai binh – ha noi thong xe');
  assert.deepEqual(await ensureTitlesFolded(db), { folded: 0 });
});
