import { withTransaction } from '@/db/client';
import { ensureCrops } from '@/db/import/media-store';
import { readStoredImageSize } from '@/db/import/stored-image-size';
import type { StaffSession } from '@/db/newsroom-sessions';
import { ArticleConflict, ArticleRejected, saveArticle, type ArticleBlockInput } from '@/db/queries/article-writes';
import { appendAudit } from '@/db/queries/audit';
import { getArticleForSave, nextArticleId } from '@/db/queries/editor-articles';
import { publishProblems, type EditorDraft, type EditorImage, type EditorSave } from '@/lib/editor-draft';
import { canEditArticle, canPublishArticles, canWriteInCategory } from '@/lib/newsroom-permissions';
import { articlePath } from '@/lib/urls';
import { slugify } from '@/lib/vietnamese';

// The editor's saves (docs/decisions/0029-article-editor.md): permissions checked on the server, next to the write,
// against the row as it is in the save's transaction; one write path (saveArticle, as the importer); the audit row
// and the cache invalidation in the same transaction.

export type SavedAnswer = { id: number; version: number; slug: string; status: 'draft' | 'published'; publicPath: string | null };

export type EditorSaveResult =
  | { ok: true; created: boolean; answer: SavedAnswer }
  | { ok: false; status: 403 | 404 | 409 | 422; error: string; problems?: string[]; currentVersion?: number | null };

const refuse = (status: 403 | 404 | 409 | 422, error: string, extra: { problems?: string[]; currentVersion?: number | null } = {}): EditorSaveResult => ({
  ok: false,
  status,
  error,
  ...extra,
});

type Photo = EditorImage & { width: number; height: number };

/** Every photo the draft names, with its size read from the media store; the names of those that are not there. */
async function resolvePhotos(draft: EditorDraft, mediaDir: string): Promise<{ photos: Map<string, Photo>; missing: string[] }> {
  const named = [...draft.body.flatMap((b) => (b.type === 'image' ? [b] : [])), ...(draft.leadImage ? [draft.leadImage] : [])];
  const photos = new Map<string, Photo>();
  const missing: string[] = [];
  for (const photo of named) {
    if (photos.has(photo.file) || missing.includes(photo.file)) continue;
    const size = await readStoredImageSize(mediaDir, photo.file);
    if (size) photos.set(photo.file, { ...photo, ...size });
    else missing.push(photo.file);
  }
  return { photos, missing };
}

const imageInput = (photo: EditorImage, size: { width: number; height: number }) => ({
  file: photo.file,
  width: size.width,
  height: size.height,
  alt: photo.alt,
  caption: photo.caption || null,
  credit: photo.credit || null,
});

function bodyInput(draft: EditorDraft, photos: Map<string, Photo>): ArticleBlockInput[] {
  return draft.body.map((block) => (block.type === 'image' ? { type: 'image', ...imageInput(block, photos.get(block.file)!) } : block));
}

type SaveRequest = {
  session: StaffSession;
  /** null: a new article. */
  id: number | null;
  save: EditorSave;
  /** Publish now (or save a published article's changes): `lanh-dao` only. */
  publish: boolean;
  address: string | null;
  mediaDir: string;
  now?: Date;
};

/** Saves the editor's draft of article `id` (or a new article), or says why not. */
export async function saveFromEditor({ session, id, save, publish, address, mediaDir, now = new Date() }: SaveRequest): Promise<EditorSaveResult> {
  const { user } = session;
  const { draft } = save;
  if (publish && !canPublishArticles(user)) return refuse(403, 'Chỉ lãnh đạo được xuất bản bài.');
  if (!canWriteInCategory(user, draft.categoryId)) return refuse(403, 'Bạn không viết được ở chuyên mục này.');
  const { photos, missing } = await resolvePhotos(draft, mediaDir);
  if (missing.length) return refuse(422, 'Ảnh không có trong kho ảnh.', { problems: missing.map((file) => `Ảnh ${file}: không có trong kho ảnh, hãy tải lên lại.`) });
  if (publish) {
    const problems = publishProblems(draft, { id: id ?? 1, publishedAt: now });
    if (problems.length) return refuse(422, 'Bài chưa xuất bản được.', { problems });
    const lead = draft.leadImage ?? null;
    if (lead) await ensureCrops(photos.get(lead.file)!, mediaDir);
  }
  try {
    return await withTransaction(async (tx) => {
      const existing = id === null ? null : await getArticleForSave(tx, id);
      if (id !== null && !existing) return refuse(404, 'Không có bài viết này.');
      if (existing && !canEditArticle(user, existing)) return refuse(403, 'Bạn không có quyền sửa bài này.');
      if (existing?.status === 'published' && !publish) return refuse(409, 'Bài đã xuất bản: lưu bằng nút “Cập nhật bài đã xuất bản”.');
      if (id === null && save.baseVersion !== 0) return refuse(409, 'Bài viết vừa được người khác sửa.', { currentVersion: null });
      const articleId = id ?? (await nextArticleId(tx));
      const everPublished = existing?.firstPublishedAt != null;
      const saved = await saveArticle(
        tx,
        {
          id: articleId,
          categoryId: draft.categoryId,
          slug: draft.slug || (everPublished ? existing!.slug : slugify(draft.title) || `bai-viet-${articleId}`),
          title: draft.title,
          sapo: draft.sapo,
          byline: draft.byline.trim() || null,
          status: publish ? 'published' : 'draft',
          // A draft's date is its creation until it is published; publishing for the first time dates it now.
          publishedAt: everPublished ? existing!.publishedAt : publish || !existing ? now : existing.publishedAt,
          body: bodyInput(draft, photos),
          keywords: draft.keywords,
          leadImage: draft.leadImage ? imageInput(draft.leadImage, photos.get(draft.leadImage.file)!) : null,
          savedBy: user.id,
          expectedVersion: save.baseVersion,
        },
        { now },
      );
      const action = !existing ? 'article-created' : publish && existing.status !== 'published' ? 'article-published' : publish && saved.outcome === 'updated' ? 'article-updated' : null;
      if (action) {
        await appendAudit(tx, { action, actor: user.username, subject: `bai-viet/${articleId}`, address, detail: { id: articleId, title: draft.title, version: saved.version }, at: now });
        if (!existing && publish) await appendAudit(tx, { action: 'article-published', actor: user.username, subject: `bai-viet/${articleId}`, address, detail: { id: articleId, title: draft.title, version: saved.version }, at: now });
      }
      const status = publish ? 'published' : 'draft';
      const answer = { id: articleId, version: saved.version, slug: saved.slug, status, publicPath: status === 'published' ? articlePath({ id: articleId, categoryId: draft.categoryId, slug: saved.slug }) : null } as const;
      return { ok: true, created: !existing, answer };
    });
  } catch (error) {
    if (error instanceof ArticleConflict) return refuse(409, 'Bài viết vừa được người khác sửa.', { currentVersion: error.currentVersion });
    if (error instanceof ArticleRejected) return refuse(422, 'Bài chưa lưu được.', { problems: error.problems });
    throw error;
  }
}
