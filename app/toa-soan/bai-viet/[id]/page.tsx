import type { Metadata } from 'next';
import { forbidden, notFound, redirect } from 'next/navigation';
import { EditorPage } from '@/components/newsroom/editor/editor-page';
import { getDb } from '@/db/client';
import { getEditorArticle } from '@/db/queries/editor-articles';
import { parseId } from '@/lib/ids';
import { previewArticlePath } from '@/lib/newsroom-editor-paths';
import { canEditArticle, canPublishArticles, canSeeArticle, canWriteArticles } from '@/lib/newsroom-permissions';
import { requireStaffPage } from '../../access';
import { blankDraft, categoriesFor } from '../editor-data';

export const metadata: Metadata = { title: 'Sửa bài viết | Tòa soạn' };

export default async function EditArticlePage({ params }: PageProps<'/toa-soan/bai-viet/[id]'>) {
  const session = await requireStaffPage(canWriteArticles);
  const id = parseId((await params).id);
  const found = id === null ? null : await getEditorArticle(getDb(), id);
  if (!found) notFound();
  if (!canSeeArticle(session.user, found.facts)) forbidden();
  // Someone who may read it but not change it (now) reads its preview.
  if (!canEditArticle(session.user, found.facts)) redirect(previewArticlePath(found.article.id));
  const categories = await categoriesFor(session, found.facts.categoryId);
  return <EditorPage article={found.article} blank={blankDraft(session, found.facts.categoryId)} categories={categories} canPublish={canPublishArticles(session.user)} />;
}
