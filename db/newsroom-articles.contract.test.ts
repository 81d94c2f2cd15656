import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { StaffSession } from '@/db/newsroom-sessions';
import { saveFromEditor, type EditorSaveResult } from '@/db/newsroom-articles';
import { getArticleDetail } from '@/db/queries/articles';
import { listAudit } from '@/db/queries/audit';
import { latestInvalidationId, listInvalidationsAfter } from '@/db/queries/cache-invalidations';
import { getEditorArticle } from '@/db/queries/editor-articles';
import { articles, images } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed';
import { useThrowawayDatabase } from '@/db/testing';
import { blocksToDoc, docToBlocks } from '@/lib/editor-document';
import type { EditorDraft } from '@/lib/editor-draft';
import type { StaffRole } from '@/lib/staff-roles';

// The editor's write path on both engines: every demo article opens in the editor and saves back unchanged (issue
// #17's round trip), the permissions are checked against the stored row, a save based on an old version is refused.

let db: Db;
let mediaDir: string;
let cleanup: () => Promise<void>;

before(async () => {
  let dir: string;
  ({ db, dir, cleanup } = await useThrowawayDatabase());
  mediaDir = path.join(dir, 'media');
  const { outcomes } = await seedDatabase({ mediaDir });
  assert.ok(outcomes.every((o) => o.ok));
});
after(() => cleanup());

function sessionOf(role: StaffRole, { id = `user-${role}`, categoryIds = [17] }: { id?: string; categoryIds?: number[] } = {}): StaffSession {
  const user = { id, username: id, name: `Người ${role}`, role, categoryIds, disabled: false, mustChangePassword: false };
  return { sessionId: `session-${id}`, user, twoFactor: { enabled: true, verified: true } } as unknown as StaffSession;
}

const leader = sessionOf('lanh-dao', { categoryIds: [] });

async function save(session: StaffSession, id: number | null, baseVersion: number, draft: EditorDraft, publish = false): Promise<EditorSaveResult> {
  return saveFromEditor({ session, id, save: { baseVersion, draft }, publish, address: '127.0.0.1', mediaDir });
}

async function storedPhotos(id: number) {
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  const ids = row!.body.flatMap((b) => (b.type === 'image' ? [b.imageId] : []));
  return { row: row!, photos: ids.length ? await db.select().from(images).where(inArray(images.id, ids)).orderBy(asc(images.id)) : [] };
}

test('every demo article opens in the editor and saves back unchanged: the same blocks, photos, keywords and version', async () => {
  const all = await db.select({ id: articles.id }).from(articles).orderBy(asc(articles.id));
  assert.ok(all.length >= 64);
  for (const { id } of all) {
    const before = await storedPhotos(id);
    const opened = (await getEditorArticle(db, id))!;
    // Through the editor's document and back, as the browser does (lib/editor-document.ts).
    const body = docToBlocks(blocksToDoc(opened.article.draft.body));
    assert.deepEqual(body, opened.article.draft.body, `article ${id}: the editor's document changes the body`);
    const result = await save(leader, id, opened.article.version, { ...opened.article.draft, body }, opened.article.status === 'published');
    assert.ok(result.ok, `article ${id}: ${JSON.stringify(result)}`);
    assert.equal(result.answer.version, opened.article.version, `article ${id} was written`);
    const after = await storedPhotos(id);
    assert.deepEqual(after, before, `article ${id} changed`);
  }
});

const draft = (over: Partial<EditorDraft> = {}): EditorDraft => ({
  title: 'Thái Bình khởi công cầu mới',
  sapo: 'Sáng nay tỉnh khởi công cầu.',
  categoryId: 17,
  byline: 'Minh Anh',
  keywords: ['Giao thông'],
  slug: '',
  leadImage: null,
  body: [{ type: 'paragraph', spans: [{ text: 'Cây cầu dài ' }, { text: '1,2 km', bold: true }, { text: '.' }] }],
  ...over,
});

test('a reporter creates a draft in their category; the slug follows the title until the first publication', async () => {
  const reporter = sessionOf('phong-vien', { id: 'pv-1' });
  const created = await save(reporter, null, 0, draft());
  assert.ok(created.ok && created.created);
  const id = created.answer.id;
  assert.deepEqual([created.answer.version, created.answer.status, created.answer.slug], [1, 'draft', 'thai-binh-khoi-cong-cau-moi']);
  assert.equal(await getArticleDetail(id), null, 'a draft is not public');
  // Draft saves expire no public page: only the article's own tag is recorded.
  const latest = await latestInvalidationId();
  const renamed = await save(reporter, id, 1, draft({ title: 'Khởi công cầu Thái Bình' }));
  assert.deepEqual((await listInvalidationsAfter(latest)).map((c) => c.tags), [[`article:${id}`]]);
  assert.ok(renamed.ok);
  assert.deepEqual([renamed.answer.version, renamed.answer.slug], [2, 'khoi-cong-cau-thai-binh']);
  // Another category: refused, nothing written.
  assert.deepEqual(await save(reporter, id, 2, draft({ categoryId: 18 })).then((r) => !r.ok && r.status), 403);
  // Publishing: lanh-dao only.
  assert.deepEqual(await save(reporter, id, 2, draft(), true).then((r) => !r.ok && r.status), 403);
  const published = await save(leader, id, 2, draft({ title: 'Khởi công cầu Thái Bình' }), true);
  assert.ok(published.ok);
  assert.equal(published.answer.publicPath, `/news/17/${id}/khoi-cong-cau-thai-binh`);
  assert.equal((await getArticleDetail(id))!.title, 'Khởi công cầu Thái Bình');
  // After it, a new title keeps the slug; the reporter may no longer change the article.
  const retitled = await save(leader, id, 3, draft({ title: 'Cầu mới nối hai huyện' }), true);
  assert.ok(retitled.ok);
  assert.equal(retitled.answer.slug, 'khoi-cong-cau-thai-binh');
  assert.deepEqual(await save(reporter, id, 4, draft()).then((r) => !r.ok && r.status), 403);
  // An explicit slug change is kept.
  const reslugged = await save(leader, id, 4, draft({ title: 'Cầu mới nối hai huyện', slug: 'cau-moi-noi-hai-huyen' }), true);
  assert.ok(reslugged.ok);
  assert.equal(reslugged.answer.slug, 'cau-moi-noi-hai-huyen');
  const actions = (await listAudit(db, { subject: `bai-viet/${id}` })).map((r) => r.action).sort();
  assert.deepEqual(actions, ['article-created', 'article-published', 'article-updated', 'article-updated']);
});

test('a save based on an older version answers 409 and writes nothing', async () => {
  const reporter = sessionOf('phong-vien', { id: 'pv-2' });
  const created = await save(reporter, null, 0, draft());
  assert.ok(created.ok);
  const id = created.answer.id;
  const editor = sessionOf('bien-tap-vien', { id: 'btv-1' });
  assert.ok((await save(editor, id, 1, draft({ sapo: 'Biên tập viên sửa sapo.' }))).ok);
  const late = await save(reporter, id, 1, draft({ sapo: 'Phóng viên sửa cùng lúc.' }));
  assert.deepEqual(!late.ok && [late.status, late.currentVersion], [409, 2]);
  assert.equal((await getEditorArticle(db, id))!.article.draft.sapo, 'Biên tập viên sửa sapo.');
});

test('a draft of another reporter is refused; publishing asks for what the importer asks for, and alt texts', async () => {
  const owner = sessionOf('phong-vien', { id: 'pv-3' });
  const created = await save(owner, null, 0, draft());
  assert.ok(created.ok);
  const other = sessionOf('phong-vien', { id: 'pv-4' });
  assert.deepEqual(await save(other, created.answer.id, 1, draft()).then((r) => !r.ok && r.status), 403);
  const admin = sessionOf('quan-tri', { categoryIds: [17] });
  assert.deepEqual(await save(admin, created.answer.id, 1, draft()).then((r) => !r.ok && r.status), 403);
  const empty = await save(leader, created.answer.id, 1, draft({ title: '', body: [] }), true);
  assert.ok(!empty.ok && empty.status === 422);
  assert.ok(empty.problems!.some((p) => p.startsWith('Tiêu đề')));
  assert.ok(empty.problems!.some((p) => p.startsWith('Nội dung')));
  const photo = (await storedPhotos(60431)).photos[0]!;
  const noAlt = await save(leader, created.answer.id, 1, draft({ body: [{ type: 'image', file: photo.file, alt: '', caption: '', credit: '' }] }), true);
  assert.ok(!noAlt.ok && noAlt.problems!.some((p) => p.includes('mô tả ảnh')));
  const unknown = await save(leader, created.answer.id, 1, draft({ body: [{ type: 'image', file: 'khong-co-0000000000.jpg', alt: 'x', caption: '', credit: '' }] }));
  assert.ok(!unknown.ok && unknown.status === 422);
  assert.equal((await getEditorArticle(db, created.answer.id))!.article.version, 1, 'nothing was written');
});
