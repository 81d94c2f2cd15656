import styles from '@/components/newsroom/newsroom.module.css';
import { ROLE_LABELS, ROLES_WITH_CATEGORIES, STAFF_ROLES, type StaffRole } from '@/lib/staff-roles';

export type CategoryOption = { id: number; name: string };

/** The role select and the category boxes of the account forms (fields `vai-tro` and `chuyen-muc`). */
export function RoleFields({ idPrefix, categories, role, categoryIds }: { idPrefix: string; categories: CategoryOption[]; role?: StaffRole; categoryIds?: readonly number[] }) {
  const withCategories = ROLES_WITH_CATEGORIES.map((r) => ROLE_LABELS[r].toLowerCase()).join(' và ');
  return (
    <>
      <div className={styles.field}>
        <label htmlFor={`${idPrefix}-vai-tro`}>Vai trò</label>
        <select id={`${idPrefix}-vai-tro`} name="vai-tro" required defaultValue={role ?? ''}>
          {role ? null : (
            <option value="" disabled>
              Chọn vai trò
            </option>
          )}
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className={styles.checks} aria-describedby={`${idPrefix}-chuyen-muc-goi-y`}>
        <legend>Chuyên mục</legend>
        <p id={`${idPrefix}-chuyen-muc-goi-y`} className={styles.hint}>
          Chỉ dành cho {withCategories}.
        </p>
        {categories.map((category) => (
          <div key={category.id}>
            <input
              type="checkbox"
              id={`${idPrefix}-chuyen-muc-${category.id}`}
              name="chuyen-muc"
              value={category.id}
              defaultChecked={categoryIds?.includes(category.id)}
            />{' '}
            <label htmlFor={`${idPrefix}-chuyen-muc-${category.id}`}>{category.name}</label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
