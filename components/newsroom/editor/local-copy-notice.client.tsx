'use client';

import { useState, useSyncExternalStore } from 'react';
import { formatArticleDateTime } from '@/lib/dates';
import type { EditorDraft } from '@/lib/editor-draft';
import styles from './editor.module.css';
import { localKey, readLocalCopy, type LocalCopy } from './use-article-saver';

type Props = { id: number | null; serverDraft: EditorDraft | null; onRestore: (draft: EditorDraft) => void };

const noSubscription = () => () => undefined;
/** The stored text itself (a string, so that React sees the same snapshot on every read). */
const readStoredCopy = (id: number | null) => (readLocalCopy(id) ? localStorage.getItem(localKey(id)) : null);

// A copy kept in this browser that the server does not have (a save refused with 409, a lost connection, a closed
// tab): offered back, never applied silently.
export function LocalCopyNotice({ id, serverDraft, onRestore }: Props) {
  // Read once the page is in the browser (the server has no localStorage: it renders nothing here).
  const [openedWith] = useState(() => ({ id, serverDraft }));
  const stored = useSyncExternalStore(noSubscription, () => readStoredCopy(openedWith.id), () => null);
  const [handled, setHandled] = useState(false);
  const copy: LocalCopy | null = stored ? (JSON.parse(stored) as LocalCopy) : null;
  if (handled || !copy || JSON.stringify(copy.draft) === JSON.stringify(openedWith.serverDraft)) return null;
  const forget = () => {
    localStorage.removeItem(localKey(openedWith.id));
    setHandled(true);
  };
  return (
    <div role="alert" className={styles.notice}>
      <p>Máy này còn một bản bạn gõ lúc {formatArticleDateTime(new Date(copy.at))} mà máy chủ chưa có.</p>
      <button type="button" className={styles.secondary} onClick={() => { onRestore(copy.draft); setHandled(true); }}>
        Khôi phục bản này
      </button>{' '}
      <button type="button" className={styles.secondary} onClick={forget}>
        Bỏ bản này
      </button>
    </div>
  );
}
