import styles from '@/components/newsroom/newsroom.module.css';

/** The one field of every form that asks for a code: six digits from the app, or a backup code where taken. */
export function CodeField({ id, hint }: { id: string; hint: string }) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>Mã xác thực</label>
      <input
        id={id}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={20}
        aria-describedby={`${id}-goi-y`}
      />
      <span id={`${id}-goi-y`} className={styles.hint}>
        {hint}
      </span>
    </div>
  );
}
