'use client';

import { useId, useRef } from 'react';
import type { EditorImage } from '@/lib/editor-draft';
import { mediaUrl } from '@/lib/media';
import styles from './editor.module.css';
import { uploadPhoto } from './upload';

type Props = {
  lead: EditorImage | null;
  firstBodyPhoto: () => EditorImage | null;
  onChange: (lead: EditorImage | null) => void;
  onMessage: (message: string, kind: 'notice' | 'alert') => void;
};

// Ảnh đại diện: the photo of the article's cards, its share preview (Facebook, Zalo) and its structured data; by
// default the body's first photo, or one uploaded for it.
export function LeadPhoto({ lead, firstBodyPhoto, onChange, onMessage }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  async function upload(file: File | undefined) {
    if (!file) return;
    try {
      const photo = await uploadPhoto(file, file.name);
      onChange({ file: photo.file, alt: '', caption: '', credit: '' });
    } catch (error) {
      onMessage((error as Error).message, 'alert');
    }
  }
  return (
    <fieldset className={styles.field}>
      <legend className={styles.legend}>Ảnh đại diện</legend>
      {lead ? (
        <div className={styles.lead}>
          {/* eslint-disable-next-line @next/next/no-img-element -- the stored file itself, in the newsroom only */}
          <img src={mediaUrl(lead.file)} alt={lead.alt} className={styles.leadImage} />
          <p className={styles.field}>
            <label htmlFor={`${id}-alt`}>Mô tả ảnh đại diện</label>
            <input id={`${id}-alt`} value={lead.alt} maxLength={500} aria-invalid={!lead.alt.trim() || undefined} onChange={(e) => onChange({ ...lead, alt: e.target.value })} />
          </p>
        </div>
      ) : (
        <p className={styles.hint}>Chưa có ảnh đại diện.</p>
      )}
      <p>
        <button type="button" className={styles.secondary} onClick={() => input.current?.click()}>
          Tải ảnh đại diện lên
        </button>{' '}
        <button
          type="button"
          className={styles.secondary}
          onClick={() => {
            const first = firstBodyPhoto();
            if (first) onChange(first);
            else onMessage('Bài chưa có ảnh nào trong nội dung.', 'alert');
          }}
        >
          Dùng ảnh đầu tiên trong bài
        </button>{' '}
        {lead ? (
          <button type="button" className={styles.secondary} onClick={() => onChange(null)}>
            Bỏ ảnh đại diện
          </button>
        ) : null}
        <input ref={input} type="file" accept="image/jpeg,image/png,image/webp" hidden aria-label="Chọn ảnh đại diện" onChange={(e) => void upload(e.target.files?.[0])} />
      </p>
    </fieldset>
  );
}
