import type { EditorArticle, EditorDraft } from '@/lib/editor-draft';
import { ArticleEditor } from './article-editor.client';

type Props = { article: EditorArticle | null; blank: EditorDraft; categories: { id: number; name: string }[]; canPublish: boolean };

// The editor page's server part: without JavaScript the editor cannot work, and says so.
export function EditorPage(props: Props) {
  return (
    <>
      <noscript>
        <p>Trình soạn bài cần JavaScript. Hãy bật JavaScript trong trình duyệt để viết và sửa bài.</p>
      </noscript>
      <ArticleEditor {...props} />
    </>
  );
}
