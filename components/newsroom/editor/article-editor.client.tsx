'use client';

import type { Editor } from '@tiptap/react';
import { useCallback, useId, useRef, useState } from 'react';
import { blocksToDoc, docToBlocks, type PmNode } from '@/lib/editor-document';
import type { EditorArticle, EditorDraft, EditorImage } from '@/lib/editor-draft';
import { previewArticlePath } from '@/lib/newsroom-editor-paths';
import { slugify } from '@/lib/vietnamese';
import { BodyEditor } from './body-editor.client';
import styles from './editor.module.css';
import { KeywordPicker } from './keyword-picker.client';
import { LeadPhoto } from './lead-photo.client';
import { LocalCopyNotice } from './local-copy-notice.client';
import { SaveStatus } from './save-status.client';
import { useArticleSaver } from './use-article-saver';

type Props = {
  article: EditorArticle | null;
  blank: EditorDraft;
  categories: { id: number; name: string }[];
  canPublish: boolean;
};

const withoutBody = (draft: EditorDraft): Omit<EditorDraft, 'body'> => {
  const fields: Partial<EditorDraft> = { ...draft };
  delete fields.body;
  return fields as Omit<EditorDraft, 'body'>;
};

// The article form: fields, body, and the save and publish actions (docs/decisions/0029-article-editor.md).
export function ArticleEditor({ article, blank, categories, canPublish }: Props) {
  const id = useId();
  const [initialFields] = useState(() => withoutBody(article?.draft ?? blank));
  const [fields, setFields] = useState(initialFields);
  const [meta, setMeta] = useState({ id: article?.id ?? null, status: article?.status ?? 'draft', slugFollowsTitle: article?.slugFollowsTitle ?? true, publicPath: article?.publicPath ?? null, slug: article?.slug ?? '' });
  const [message, setMessage] = useState<{ text: string; kind: 'notice' | 'alert' } | null>(null);
  const [initialDoc] = useState<PmNode>(() => blocksToDoc((article?.draft ?? blank).body));
  const editorRef = useRef<Editor | null>(null);
  const fieldsRef = useRef(initialFields);

  const collect = useCallback((): EditorDraft => {
    const body = editorRef.current ? docToBlocks(editorRef.current.getJSON() as PmNode) : (article?.draft ?? blank).body;
    return { ...fieldsRef.current, body };
  }, [article, blank]);
  const onSaved = useCallback((answer: { id: number; slug: string; publicPath: string | null; status: 'draft' | 'published' }) => {
    setMeta((m) => ({ ...m, id: answer.id, slug: answer.slug, publicPath: answer.publicPath, status: answer.status, slugFollowsTitle: answer.status === 'draft' && m.slugFollowsTitle }));
  }, []);
  const saver = useArticleSaver({ id: meta.id, version: article?.version ?? 0, status: meta.status, collect, onSaved });

  const set = <K extends keyof typeof fields>(key: K, value: (typeof fields)[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    fieldsRef.current = { ...fieldsRef.current, [key]: value };
    saver.changed();
  };
  const firstBodyPhoto = (): EditorImage | null => {
    const photo = collect().body.find((b) => b.type === 'image');
    return photo?.type === 'image' ? { file: photo.file, alt: photo.alt, caption: photo.caption, credit: photo.credit } : null;
  };
  const onBodyChange = () => {
    // A first photo in the body becomes the lead photo when there is none yet (it can be changed).
    if (!fieldsRef.current.leadImage) {
      const first = firstBodyPhoto();
      if (first) set('leadImage', first);
    }
    saver.changed();
  };
  const onMessage = useCallback((text: string, kind: 'notice' | 'alert') => setMessage({ text, kind }), []);
  const slugHint = meta.slugFollowsTitle
    ? `Để trống: tạo từ tiêu đề (${slugify(fields.title) || '…'}). Không đổi được sau khi xuất bản lần đầu, trừ khi sửa ở đây.`
    : 'Bài đã xuất bản: đổi tiêu đề không đổi đường dẫn. Nếu đổi đường dẫn ở đây, đường dẫn cũ vẫn chuyển về đường dẫn mới.';

  return (
    <div className={styles.editor}>
      <h1>{meta.id === null ? 'Viết bài mới' : 'Sửa bài viết'}</h1>
      <LocalCopyNotice id={meta.id} serverDraft={article?.draft ?? null} onRestore={(draft) => {
        setFields(withoutBody(draft));
        fieldsRef.current = withoutBody(draft);
        editorRef.current?.commands.setContent(blocksToDoc(draft.body));
        saver.changed();
      }} />
      <div className={styles.fields}>
        <p className={`${styles.field} ${styles.wide}`}>
          <label htmlFor={`${id}-title`}>Tiêu đề</label>
          <input id={`${id}-title`} value={fields.title} maxLength={300} required onChange={(e) => set('title', e.target.value)} />
        </p>
        <p className={`${styles.field} ${styles.wide}`}>
          <label htmlFor={`${id}-sapo`}>Sapo</label>
          <textarea id={`${id}-sapo`} value={fields.sapo} maxLength={2000} onChange={(e) => set('sapo', e.target.value)} />
        </p>
        <p className={styles.field}>
          <label htmlFor={`${id}-category`}>Chuyên mục</label>
          <select id={`${id}-category`} value={fields.categoryId} onChange={(e) => set('categoryId', Number(e.target.value))}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </p>
        <p className={styles.field}>
          <label htmlFor={`${id}-byline`}>Tác giả</label>
          <input id={`${id}-byline`} value={fields.byline} maxLength={200} aria-describedby={`${id}-byline-hint`} onChange={(e) => set('byline', e.target.value)} />
          <small id={`${id}-byline-hint`} className={styles.hint}>
            Tên hiện dưới bài; nhiều tác giả cách nhau bằng dấu phẩy hoặc dấu gạch ngang.
          </small>
        </p>
        <KeywordPicker keywords={fields.keywords} onChange={(keywords) => set('keywords', keywords)} />
        <p className={styles.field}>
          <label htmlFor={`${id}-slug`}>Đường dẫn</label>
          <input id={`${id}-slug`} value={fields.slug} maxLength={200} placeholder={meta.slugFollowsTitle ? slugify(fields.title) : meta.slug} aria-describedby={`${id}-slug-hint`} onChange={(e) => set('slug', e.target.value)} />
          <small id={`${id}-slug-hint`} className={styles.hint}>
            {slugHint}
          </small>
        </p>
        <div className={styles.wide}>
          <LeadPhoto lead={fields.leadImage} firstBodyPhoto={firstBodyPhoto} onChange={(lead) => set('leadImage', lead)} onMessage={onMessage} />
        </div>
      </div>
      <h2 className={styles.legend}>Nội dung</h2>
      <BodyEditor initialDoc={initialDoc} onChange={onBodyChange} onReady={(e) => (editorRef.current = e)} onMessage={onMessage} />
      <div className={styles.actions}>
        <SaveStatus state={saver.state} status={meta.status} publicPath={meta.publicPath} message={message} />
        {meta.status === 'draft' ? (
          <button type="button" className={styles.secondary} onClick={() => void saver.save()}>
            Lưu nháp
          </button>
        ) : null}
        <button
          type="button"
          className={styles.secondary}
          onClick={async () => {
            if (meta.status === 'draft' && !(await saver.save()) && saver.idRef.current.id === null) return;
            const target = saver.idRef.current.id;
            if (target !== null) window.location.assign(previewArticlePath(target));
          }}
        >
          Xem trước
        </button>
        {canPublish ? (
          <button type="button" className={styles.primary} onClick={async () => {
            if (saver.idRef.current.id === null && !(await saver.save())) return;
            await saver.publish();
          }}>
            {meta.status === 'published' ? 'Cập nhật bài đã xuất bản' : 'Xuất bản'}
          </button>
        ) : null}
      </div>
    </div>
  );
}
