'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import styles from '@/components/share/share-buttons.module.css';

type CopyState = { kind: 'idle' | 'copied' | 'manual'; attempt: number };

const CONFIRMATION_MS = 4000;
const subscribeToNothing = () => () => {};

/**
 * Copy link, Web Share and print: buttons that only work with JavaScript, so they are rendered only in the
 * browser (the server snapshot is false), never as dead buttons in the server HTML.
 */
export function ShareActions({ url, title }: { url: string; title: string }) {
  const inBrowser = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const canShare = useSyncExternalStore(subscribeToNothing, () => typeof navigator.share === 'function', () => false);
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle', attempt: 0 });
  const input = useRef<HTMLInputElement>(null);

  // A new object per attempt, so each copy restarts the confirmation's timer and each failure reselects the URL.
  useEffect(() => {
    if (copy.kind === 'manual') input.current?.select();
    if (copy.kind !== 'copied') return;
    const timer = window.setTimeout(() => setCopy((c) => ({ ...c, kind: 'idle' })), CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [copy]);

  if (!inBrowser) return null;

  async function copyLink() {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(url);
      setCopy((c) => ({ kind: 'copied', attempt: c.attempt + 1 }));
    } catch {
      // No API, not a secure context, or permission refused: let the reader copy it by hand.
      setCopy((c) => ({ kind: 'manual', attempt: c.attempt + 1 }));
    }
  }

  function share() {
    // Rejects when the reader closes the share sheet: nothing to report.
    navigator.share({ title, url }).catch(() => {});
  }

  return (
    <div className={styles.actions}>
      <div className={styles.buttons}>
        <button type="button" className={styles.control} onClick={copyLink}>
          Sao chép liên kết
        </button>
        {canShare ? (
          <button type="button" className={styles.control} onClick={share}>
            Chia sẻ…
          </button>
        ) : null}
        <button type="button" className={styles.control} onClick={() => window.print()}>
          In bài viết
        </button>
      </div>
      <p role="status" className={styles.status}>
        {copy.kind === 'copied' ? 'Đã sao chép liên kết' : null}
        {copy.kind === 'manual'
          ? 'Không sao chép tự động được. Liên kết đã được chọn trong ô dưới đây: hãy sao chép bằng tay (Ctrl+C, hoặc chạm và giữ).'
          : null}
      </p>
      {copy.kind === 'manual' ? (
        <label className={styles.manual}>
          <span>Liên kết bài viết</span>
          <input
            ref={input}
            className={styles.urlInput}
            type="text"
            readOnly
            value={url}
            onFocus={(event) => event.currentTarget.select()}
          />
        </label>
      ) : null}
    </div>
  );
}
