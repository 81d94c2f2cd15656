import styles from '@/components/newsroom/newsroom.module.css';

type Props = {
  status: 'draft' | 'published';
  /** The editor of the article, where the way back leads. */
  editHref: string;
  /** The article's public page, linked once it is published. */
  publicHref: string;
};

/** The top of the newsroom's preview: says this is not the public page, whether it is published yet, and the way back. */
export function PreviewBanner({ status, editHref, publicHref }: Props) {
  return (
    <p className={styles.previewBanner} role="status">
      <strong>Bản xem trước</strong>
      <span>{status === 'draft' ? 'Bản nháp: độc giả chưa thấy bài này.' : 'Bài đã xuất bản.'}</span>
      <a href={editHref}>Quay lại sửa bài</a>
      {status === 'published' ? <a href={publicHref}>Xem trang công khai</a> : null}
    </p>
  );
}
