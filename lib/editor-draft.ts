import { z } from 'zod';
import {
  describeIssues,
  headingSchema,
  importArticleSchema,
  listSchema,
  nonEmptyText,
  paragraphSchema,
  quoteSchema,
  text,
  type StoredBlock,
} from '@/lib/content-schema';
import { MEDIA_NAME } from '@/lib/media';

// What the newsroom's editor sends and receives (docs/decisions/0029-article-editor.md). Its text blocks are the
// importer's own schemas (lib/content-schema.ts); its photos name a file already in the media store (uploaded
// through /toa-soan/anh) with their texts. A draft may be unfinished (no title yet, a photo without its
// alternative text); publishing asks for everything the importer asks for, checked by the importer's schema
// itself (publishProblems).

export const editorImageSchema = z.strictObject({
  file: z.string().regex(MEDIA_NAME, 'ảnh phải là một tệp trong kho ảnh'),
  alt: text(500),
  caption: text(1_000),
  credit: text(200),
});
export type EditorImage = z.infer<typeof editorImageSchema>;

const editorPhotoBlock = editorImageSchema.extend({ type: z.literal('image') });

export const editorBlockSchema = z.discriminatedUnion('type', [paragraphSchema, headingSchema, quoteSchema, listSchema, editorPhotoBlock]);
export type EditorBlock = z.infer<typeof editorBlockSchema>;

const slugSchema = z
  .string()
  .max(200)
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/, 'đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang');

export const editorDraftSchema = z.strictObject({
  title: text(300),
  sapo: text(2_000),
  categoryId: z.number().int().positive(),
  byline: text(200),
  keywords: z.array(nonEmptyText(100)).max(30),
  /** Empty: made from the title (until the first publication), or the stored one (after it). */
  slug: slugSchema,
  leadImage: editorImageSchema.nullable(),
  body: z.array(editorBlockSchema).max(500),
});
export type EditorDraft = z.infer<typeof editorDraftSchema>;

/** A save as the editor posts it: the draft and the version it was based on (0 for a new article). */
export const editorSaveSchema = z.strictObject({ baseVersion: z.number().int().min(0), draft: editorDraftSchema });
export type EditorSave = z.infer<typeof editorSaveSchema>;

/** The article as the editor opens it. */
export type EditorArticle = {
  id: number;
  version: number;
  status: 'draft' | 'published';
  /** The stored slug, and whether it is still made from the title (never published). */
  slug: string;
  slugFollowsTitle: boolean;
  publicPath: string | null;
  updatedAt: string;
  draft: EditorDraft;
};

/** The draft's problems, in Vietnamese, one per field ("Tiêu đề: ..."), or none. */
export function draftProblems(input: unknown): { draft: EditorDraft; problems: [] } | { draft: null; problems: string[] } {
  const parsed = editorSaveSchema.shape.draft.safeParse(input);
  if (parsed.success) return { draft: parsed.data, problems: [] };
  return { draft: null, problems: describeIssues(parsed.error) };
}

const FIELD_LABELS: Record<string, string> = { title: 'Tiêu đề', sapo: 'Sapo', body: 'Nội dung', categoryId: 'Chuyên mục', keywords: 'Từ khóa' };

/** The draft as an import file would say it, photos by their stored file names. */
export function draftAsImportDocument(draft: EditorDraft, { id, publishedAt }: { id: number; publishedAt: Date }): unknown {
  return {
    id,
    categoryId: draft.categoryId,
    ...(draft.slug ? { slug: draft.slug } : {}),
    title: draft.title,
    sapo: draft.sapo,
    publishedAt: publishedAt.toISOString(),
    status: 'published',
    ...(draft.byline.trim() ? { author: draft.byline.trim() } : {}),
    keywords: draft.keywords,
    body: draft.body.map((block) =>
      block.type === 'image'
        ? { type: 'image', file: block.file, alt: block.alt, ...(block.caption ? { caption: block.caption } : {}), ...(block.credit ? { credit: block.credit } : {}) }
        : block,
    ),
  };
}

/**
 * What stops this draft from being published: the importer's schema run on the draft as an import document (so the
 * editor never publishes what the importer would refuse), and the alternative text of every photo, the lead one too.
 */
export function publishProblems(draft: EditorDraft, at: { id: number; publishedAt: Date }): string[] {
  const problems: string[] = [];
  const parsed = importArticleSchema.safeParse(draftAsImportDocument(draft, at));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path;
      const label = FIELD_LABELS[String(field)] ?? String(field);
      if (field === 'body' && issue.path.length === 1) problems.push('Nội dung: bài viết chưa có nội dung');
      else if (field === 'body' && issue.path.at(-1) === 'alt') continue; // said below, once per photo
      else problems.push(`${label}${index !== undefined ? ` (khối ${Number(index) + 1})` : ''}: ${issue.message === 'must not be empty' ? 'chưa có' : issue.message}`);
    }
  }
  draft.body.forEach((block, index) => {
    if (block.type === 'image' && !block.alt.trim()) problems.push(`Ảnh ${index + 1} trong bài: chưa có mô tả ảnh (văn bản thay thế)`);
  });
  if (draft.leadImage && !draft.leadImage.alt.trim()) problems.push('Ảnh đại diện: chưa có mô tả ảnh (văn bản thay thế)');
  return problems;
}

/** Stored text blocks and photos (each with its texts) as the editor's blocks. */
export function toEditorBlocks(
  body: readonly StoredBlock[],
  photos: ReadonlyMap<number, { file: string; alt: string; caption: string | null; credit: string | null }>,
): EditorBlock[] {
  return body.flatMap((block): EditorBlock[] => {
    if (block.type !== 'image') return [block];
    const photo = photos.get(block.imageId);
    return photo ? [{ type: 'image', file: photo.file, alt: photo.alt, caption: photo.caption ?? '', credit: photo.credit ?? '' }] : [];
  });
}
