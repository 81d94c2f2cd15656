import { z } from 'zod';
import { isHttpUrl } from '@/lib/editor-links';

// The article body is a list of typed blocks, validated on every write and rendered by React components:
// stored text is never injected as HTML, so hostile content is shown, not executed.

export const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.normalize('NFC'));

export const nonEmptyText = (max: number) =>
  text(max).refine((s) => s.trim().length > 0, { message: 'must not be empty' });

const httpUrl = z
  .string()
  .max(2000)
  // The URL parser forgives leading spaces and tabs inside the scheme; the page would not (article-body.tsx).
  // The refused value is quoted (cut short, escaped by JSON) so an editor can find it in the file.
  .refine(isHttpUrl, { error: (issue) => `link must be an absolute http(s) URL, not ${JSON.stringify(String(issue.input).slice(0, 80))}` });

export const spanSchema = z.strictObject({
  text: nonEmptyText(10_000),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  href: httpUrl.optional(),
});
export type Span = z.infer<typeof spanSchema>;

export const paragraphSchema = z.strictObject({ type: z.literal('paragraph'), spans: z.array(spanSchema).min(1).max(200) });
export const headingSchema = z.strictObject({ type: z.literal('heading'), text: nonEmptyText(300) });
export const quoteSchema = z.strictObject({ type: z.literal('quote'), text: nonEmptyText(5_000), cite: text(300).optional() });
export const listSchema = z.strictObject({
  type: z.literal('list'),
  ordered: z.boolean().default(false),
  items: z.array(nonEmptyText(2_000)).min(1).max(100),
});
const storedImageSchema = z.strictObject({ type: z.literal('image'), imageId: z.number().int().positive() });

/** The body as stored in the database. */
export const storedBodySchema = z.array(
  z.discriminatedUnion('type', [paragraphSchema, headingSchema, quoteSchema, listSchema, storedImageSchema]),
);
export type StoredBlock = z.infer<typeof storedBodySchema>[number];

export const imageFile = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*\.(jpe?g|png|webp)$/i, 'image file must be a plain file name in public/media');

/** An image block as written in an import file. */
const importImageSchema = z.strictObject({
  type: z.literal('image'),
  file: imageFile,
  alt: nonEmptyText(500),
  caption: text(1_000).optional(),
  credit: text(200).optional(),
});
export type ImportImage = z.infer<typeof importImageSchema>;

// Paragraphs in import files may be plain text or a list of marked spans.
const importParagraphSchema = z.union([
  z.strictObject({ type: z.literal('paragraph'), text: nonEmptyText(20_000) }).transform((p) => ({
    type: 'paragraph' as const,
    spans: [{ text: p.text }],
  })),
  paragraphSchema,
]);

const importBlockSchema = z.union([importParagraphSchema, headingSchema, quoteSchema, listSchema, importImageSchema]);
export type ImportBlock = z.infer<typeof importBlockSchema>;

const isoDateTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const importArticleSchema = z.strictObject({
  id: z.number().int().positive().max(2_147_483_647),
  categoryId: z.number().int().positive(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase ASCII words joined by hyphens')
    .max(200)
    .optional(),
  title: nonEmptyText(300),
  sapo: nonEmptyText(2_000),
  publishedAt: isoDateTime,
  updatedAt: isoDateTime.optional(),
  status: z.enum(['draft', 'published']).default('published'),
  author: text(200).optional(),
  views: z.number().int().min(0).max(1_000_000_000).optional(),
  keywords: z.array(nonEmptyText(100)).max(30).default([]),
  body: z.array(importBlockSchema).min(1).max(500),
});
export type ImportArticle = z.infer<typeof importArticleSchema>;

export const importCategoriesSchema = z.strictObject({
  categories: z
    .array(
      z.strictObject({
        id: z.number().int().positive(),
        name: nonEmptyText(100),
        position: z.number().int().min(0).default(0),
        description: text(500).optional(),
      }),
    )
    .min(1),
});
export type ImportCategories = z.infer<typeof importCategoriesSchema>;

/** "body.3.spans.0.href: link must be an absolute http(s) URL, not "javascript:…"" for each problem. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    // Zod reports unknown fields on the object that holds them; name each field instead.
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${[...issue.path, key].join('.')}: unknown field`);
    return [`${issue.path.join('.') || '(file)'}: ${issue.message}`];
  });
}
