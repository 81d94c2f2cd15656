import { ShareActions } from '@/components/share/share-actions.client';
import styles from '@/components/share/share-buttons.module.css';

type Props = { url: string; title: string };

/**
 * Share controls under an article. Facebook and Zalo are plain links to their share pages, so they work with
 * JavaScript off and the page loads nothing from either host; copy, Web Share and print are added in the browser.
 * `share-buttons` is the hook app/print.css hides in print.
 */
export function ShareButtons({ url, title }: Props) {
  const encoded = encodeURIComponent(url);
  return (
    <nav aria-label="Chia sẻ bài viết" className={`share-buttons ${styles.share}`}>
      <ul className={styles.list}>
        <li>
          <a
            className={`${styles.control} ${styles.facebook}`}
            href={`https://www.facebook.com/sharer/sharer.php?u=${encoded}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            Chia sẻ lên Facebook<span className="visually-hidden"> (mở trong thẻ mới)</span>
          </a>
        </li>
        <li>
          <a
            className={`${styles.control} ${styles.zalo}`}
            href={`https://sp.zalo.me/share_to_zalo?url=${encoded}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            Chia sẻ qua Zalo<span className="visually-hidden"> (mở trong thẻ mới)</span>
          </a>
        </li>
      </ul>
      <ShareActions url={url} title={title} />
    </nav>
  );
}
