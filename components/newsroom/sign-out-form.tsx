import styles from '@/components/newsroom/newsroom.module.css';

/** Signing out stays possible on every page, the pending steps' pages included. */
export function SignOutForm({ action }: { action: string }) {
  return (
    <form method="post" action={action}>
      <button className={styles.button} type="submit">
        Đăng xuất
      </button>
    </form>
  );
}
