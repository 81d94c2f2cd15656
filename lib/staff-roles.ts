// The newsroom's roles: ids as used in code, the CLI and tests; labels as shown on screen (issue #16).
export const STAFF_ROLES = ['phong-vien', 'bien-tap-vien', 'lanh-dao', 'quan-tri'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = {
  'phong-vien': 'Phóng viên',
  'bien-tap-vien': 'Biên tập viên',
  'lanh-dao': 'Lãnh đạo',
  'quan-tri': 'Quản trị',
};

/** Roles that work in a set of categories (chuyên mục); the others have none. */
export const ROLES_WITH_CATEGORIES: readonly StaffRole[] = ['phong-vien', 'bien-tap-vien'];

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}
