import styles from '@/components/newsroom/newsroom.module.css';

/** Why the last post was refused, announced to screen readers; nothing when there is no message. */
export function FormMessage({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p className={styles.error} role="alert">
      {text}
    </p>
  );
}
