'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useId, useRef, useState } from 'react';
import { isHttpUrl, LINK_REFUSED } from '@/lib/editor-links';
import styles from './editor.module.css';

type Props = { editor: Editor; onPickPhotos: (files: File[]) => void; onMessage: (message: string, kind: 'notice' | 'alert') => void };

// The body's toolbar: every button has a Vietnamese name and says whether its format is on (aria-pressed). Marks
// (Đậm, Nghiêng, Liên kết) exist in paragraphs only, as in the stored blocks.
export function BodyToolbar({ editor, onPickPhotos, onMessage }: Props) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [link, setLink] = useState('');
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive('paragraph') && !e.isActive('listItem'),
      heading: e.isActive('heading'),
      quote: e.isActive('quote'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      marksAllowed: e.isActive('paragraph') && !e.isActive('listItem'),
      cite: e.isActive('quote') ? ((e.getAttributes('quote').cite as string | null) ?? '') : null,
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const button = (label: string, pressed: boolean | null, run: () => void, disabled = false) => (
    <button type="button" aria-pressed={pressed ?? undefined} disabled={disabled} onClick={run}>
      {label}
    </button>
  );
  function applyLink() {
    const href = link.trim();
    if (!isHttpUrl(href)) {
      onMessage(LINK_REFUSED, 'alert');
      return;
    }
    chain().extendMarkRange('link').setLink({ href }).run();
    setLinkOpen(false);
    setLink('');
  }
  return (
    <>
      <div className={styles.toolbar} role="toolbar" aria-label="Định dạng nội dung">
        {button('Đoạn văn', state.paragraph, () => chain().setParagraph().run())}
        {button('Tiêu đề phụ', state.heading, () => chain().toggleHeading({ level: 2 }).run())}
        {button('Trích dẫn', state.quote, () => (state.quote ? chain().setParagraph().run() : chain().setNode('quote').run()))}
        {button('Danh sách', state.bullet, () => chain().toggleBulletList().run())}
        {button('Danh sách số', state.ordered, () => chain().toggleOrderedList().run())}
        {button('Đậm', state.bold, () => chain().toggleBold().run(), !state.marksAllowed)}
        {button('Nghiêng', state.italic, () => chain().toggleItalic().run(), !state.marksAllowed)}
        {button('Liên kết', state.link, () => setLinkOpen((open) => !open), !state.marksAllowed)}
        {button('Bỏ liên kết', null, () => chain().extendMarkRange('link').unsetLink().run(), !state.link)}
        {button('Chèn ảnh', null, () => fileInput.current?.click())}
        {button('Hoàn tác', null, () => chain().undo().run(), !state.canUndo)}
        {button('Làm lại', null, () => chain().redo().run(), !state.canRedo)}
        <input
          ref={fileInput}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          hidden
          aria-label="Chọn ảnh để chèn"
          onChange={(event) => {
            onPickPhotos([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
      </div>
      {linkOpen ? (
        <div className={styles.linkForm}>
          <p className={styles.field}>
            <label htmlFor={`${id}-link`}>Địa chỉ liên kết</label>
            <input
              id={`${id}-link`}
              type="url"
              value={link}
              placeholder="https://"
              onChange={(event) => setLink(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  applyLink();
                }
              }}
            />
          </p>
          <button type="button" className={styles.secondary} onClick={applyLink}>
            Áp dụng liên kết
          </button>
          <button type="button" className={styles.secondary} onClick={() => setLinkOpen(false)}>
            Hủy
          </button>
        </div>
      ) : null}
      {state.cite !== null ? (
        <div className={styles.citeForm}>
          <p className={styles.field}>
            <label htmlFor={`${id}-cite`}>Nguồn trích dẫn</label>
            <input id={`${id}-cite`} value={state.cite} maxLength={300} onChange={(event) => editor.commands.updateAttributes('quote', { cite: event.target.value || null })} />
          </p>
        </div>
      ) : null}
    </>
  );
}
