'use client';

import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useId } from 'react';
import { mediaUrl } from '@/lib/media';
import styles from './editor.module.css';

// A photo in the body: the picture and its three texts, edited in place. The alternative text is what a screen
// reader says instead of the picture: required before publishing (the server checks it too).
export function PhotoView({ node, updateAttributes, deleteNode, selected }: ReactNodeViewProps) {
  const id = useId();
  const { file, alt, caption, credit } = node.attrs as { file: string; alt: string; caption: string; credit: string };
  const field = (name: 'alt' | 'caption' | 'credit', label: string, value: string, hint?: string) => (
    <p className={styles.photoField}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        value={value}
        maxLength={name === 'alt' ? 500 : name === 'caption' ? 1000 : 200}
        aria-describedby={hint ? `${id}-${name}-hint` : undefined}
        aria-invalid={name === 'alt' && !value.trim() ? true : undefined}
        onChange={(event) => updateAttributes({ [name]: event.target.value })}
      />
      {hint ? (
        <small id={`${id}-${name}-hint`} className={styles.hint}>
          {hint}
        </small>
      ) : null}
    </p>
  );
  return (
    <NodeViewWrapper as="figure" className={selected ? `${styles.photo} ${styles.photoSelected}` : styles.photo} data-photo={file}>
      {/* eslint-disable-next-line @next/next/no-img-element -- the stored file itself, in the newsroom only */}
      <img src={mediaUrl(file)} alt={alt} className={styles.photoImage} draggable={false} data-drag-handle="" />
      <div contentEditable={false} className={styles.photoFields}>
        {field('alt', 'Mô tả ảnh', alt, 'Bắt buộc trước khi xuất bản: tả ảnh cho người không xem được.')}
        {field('caption', 'Chú thích', caption)}
        {field('credit', 'Nguồn ảnh', credit)}
        <button type="button" className={styles.secondary} onClick={() => deleteNode()}>
          Xóa ảnh
        </button>
      </div>
    </NodeViewWrapper>
  );
}
