import type { Metadata } from 'next';
import { EditorPage } from '@/components/newsroom/editor/editor-page';
import { canPublishArticles, canWriteArticles } from '@/lib/newsroom-permissions';
import { requireStaffPage } from '../../access';
import { blankDraft, categoriesFor } from '../editor-data';

export const metadata: Metadata = { title: 'Viết bài mới | Tòa soạn' };

export default async function NewArticlePage() {
  const session = await requireStaffPage(canWriteArticles);
  const categories = await categoriesFor(session);
  if (!categories.length) {
    return (
      <>
        <h1>Viết bài mới</h1>
        <p>Tài khoản của bạn chưa được giao chuyên mục nào: hãy nhờ quản trị giao chuyên mục để viết bài.</p>
      </>
    );
  }
  return <EditorPage article={null} blank={blankDraft(session, categories[0]!.id)} categories={categories} canPublish={canPublishArticles(session.user)} />;
}
