'use client';

import { formatArticleDateTime } from '@/lib/dates';
import styles from './editor.module.css';
import type { SaveState } from './use-article-saver';

type Props = {
  state: SaveState;
  status: 'draft' | 'published';
  publicPath: string | null;
  message: { text: string; kind: 'notice' | 'alert' } | null;
};

// What happened to the last save, said in a live region (screen readers hear it without moving focus).
export function SaveStatus({ state, status, publicPath, message }: Props) {
  return (
    <div className={styles.status}>
      <p role="status" aria-live="polite">
        {status === 'published' ? <strong>Đã xuất bản. </strong> : <span>Bản nháp. </span>}
        {state.kind === 'saved' && state.at ? `Đã lưu lúc ${formatArticleDateTime(state.at)}.` : null}
        {state.kind === 'unsaved' ? (status === 'draft' ? 'Có thay đổi chưa lưu (tự lưu sau vài giây).' : 'Có thay đổi chưa cập nhật lên trang.') : null}
        {state.kind === 'saving' ? 'Đang lưu…' : null}{' '}
        {publicPath ? <a href={publicPath}>Xem bài trên trang</a> : null}
      </p>
      {state.kind === 'conflict' ? (
        <div role="alert" className={styles.alert}>
          <p>
            <strong>Bài viết vừa được người khác sửa.</strong> Bản bạn đang gõ vẫn được giữ trên máy này: tải lại để xem bản mới nhất, rồi chọn
            khôi phục bản của bạn nếu cần.
          </p>
          <button type="button" className={styles.secondary} onClick={() => window.location.reload()}>
            Tải lại bài
          </button>
        </div>
      ) : null}
      {state.kind === 'refused' ? (
        <div role="alert" className={styles.alert}>
          <p>Chưa lưu được:</p>
          <ul>
            {state.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.kind === 'failed' ? (
        <p role="alert" className={styles.alert}>
          {state.message}
        </p>
      ) : null}
      {message ? (
        <p role={message.kind === 'alert' ? 'alert' : 'status'} className={message.kind === 'alert' ? styles.alert : styles.notice}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
