import styles from '@/components/newsroom/newsroom.module.css';

/** What the last post did, announced politely to screen readers; nothing when there is no message. */
export function FormNotice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p className={styles.notice} role="status">
      {text}
    </p>
  );
}
