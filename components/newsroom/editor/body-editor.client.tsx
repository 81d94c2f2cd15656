'use client';

import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useRef } from 'react';
import type { PmNode } from '@/lib/editor-document';
import { cleanPastedHtml } from '@/lib/paste-html';
import { editorExtensions } from './extensions';
import { BodyToolbar } from './body-toolbar.client';
import styles from './editor.module.css';
import { blobOfDataUrl, uploadPhoto } from './upload';

const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

type Props = {
  initialDoc: PmNode;
  onChange: () => void;
  onReady: (editor: Editor) => void;
  /** Tells the person what happened to photos: uploaded, refused (with the server's reason), dropped from a paste. */
  onMessage: (message: string, kind: 'notice' | 'alert') => void;
};

// The body: a Tiptap (ProseMirror) editor on the schema of extensions.ts. Photos come in by the toolbar's file
// picker, by dropping files, or inside pasted content; each is uploaded (the server checks and cleans it) and placed
// where it was dropped or pasted.
export function BodyEditor({ initialDoc, onChange, onReady, onMessage }: Props) {
  const editorRef = useRef<Editor | null>(null);

  async function placePhotos(sources: { blob: Blob; name: string }[], at: number | null) {
    const editor = editorRef.current;
    if (!editor) return;
    let placed = 0;
    for (const { blob, name } of sources) {
      if (!ACCEPTED.includes(blob.type)) {
        onMessage(`Ảnh ${name}: chỉ nhận ảnh JPEG, PNG hoặc WebP.`, 'alert');
        continue;
      }
      try {
        const photo = await uploadPhoto(blob, name);
        const node = { type: 'photo', attrs: { file: photo.file, alt: '', caption: '', credit: '' } };
        // After the cursor (a photo just placed is selected: inserting over the selection would replace it), or at
        // the drop point, the next photo after this one.
        const position = at ?? editor.state.selection.to;
        editor.chain().insertContentAt(position, node).run();
        if (at !== null) at += 1;
        placed += 1;
      } catch (error) {
        onMessage((error as Error).message, 'alert');
      }
    }
    if (placed) onMessage(`Đã tải lên ${placed} ảnh. Hãy viết mô tả ảnh trước khi xuất bản.`, 'notice');
  }

  const pastedImages = useRef<string[]>([]);
  const editor = useEditor({
    immediatelyRender: false,
    // Tiptap would add its base styles as an inline <style>, which the newsroom's policy refuses (no 'unsafe-inline'):
    // they are in editor.module.css instead.
    injectCSS: false,
    extensions: editorExtensions({ placeholder: 'Viết nội dung bài ở đây…' }),
    content: initialDoc,
    editorProps: {
      attributes: { 'aria-label': 'Nội dung bài viết', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true', lang: 'vi' },
      transformPastedHTML(html) {
        const cleaned = cleanPastedHtml(html, parseHtml);
        pastedImages.current = cleaned.images;
        if (cleaned.droppedImages) {
          onMessage(`${cleaned.droppedImages} ảnh trong nội dung dán không lấy được (ảnh nằm trên máy hay trang khác) nên đã bỏ. Hãy tải ảnh lên bằng nút “Chèn ảnh”.`, 'alert');
        }
        return cleaned.html;
      },
      handlePaste(view, event) {
        const files = [...(event.clipboardData?.files ?? [])];
        const html = event.clipboardData?.getData('text/html');
        if (files.length && !html) {
          void placePhotos(files.map((f) => ({ blob: f, name: f.name || 'anh-dan.png' })), view.state.selection.from);
          return true;
        }
        // The HTML is parsed by the editor (after transformPastedHTML); its images are uploaded once it is in.
        queueMicrotask(() => {
          const images = pastedImages.current.splice(0);
          if (images.length) {
            void placePhotos(
              images.map((url, i) => ({ blob: blobOfDataUrl(url), name: `anh-dan-${i + 1}` })),
              view.state.selection.to,
            );
          }
        });
        return false;
      },
      handleDrop(view, event, _slice, moved) {
        const files = [...(event.dataTransfer?.files ?? [])];
        if (moved || !files.length) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null;
        void placePhotos(files.map((f) => ({ blob: f, name: f.name })), at);
        return true;
      },
    },
    onCreate: ({ editor: created }) => {
      editorRef.current = created;
      onReady(created);
    },
    onUpdate: () => onChange(),
  });

  return (
    <div>
      {editor ? (
        <BodyToolbar editor={editor} onPickPhotos={(files) => void placePhotos(files.map((f) => ({ blob: f, name: f.name })), null)} onMessage={onMessage} />
      ) : null}
      <EditorContent editor={editor} className={styles.content} />
    </div>
  );
}
