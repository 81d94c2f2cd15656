import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canManageAccounts, canReadAuditLog, canTurnOffTwoFactor, canUseNewsroom, requiresTwoFactor } from '@/lib/newsroom-permissions';
import { STAFF_ROLES, type StaffRole } from '@/lib/staff-roles';

// The role table of issue #16, written out: a change to a permission must change this table too.
const EXPECTED: Record<StaffRole, { use: boolean; accounts: boolean; audit: boolean; twoFactor: boolean }> = {
  'phong-vien': { use: true, accounts: false, audit: false, twoFactor: false },
  'bien-tap-vien': { use: true, accounts: false, audit: false, twoFactor: true },
  'lanh-dao': { use: true, accounts: false, audit: false, twoFactor: true },
  'quan-tri': { use: true, accounts: true, audit: true, twoFactor: true },
};

for (const role of STAFF_ROLES) {
  test(`newsroom permissions of ${role}`, () => {
    const user = { role, categoryIds: [17] };
    assert.deepEqual(
      { use: canUseNewsroom(user), accounts: canManageAccounts(user), audit: canReadAuditLog(user), twoFactor: requiresTwoFactor(role) },
      EXPECTED[role],
    );
  });
}

test('only a role that is not required to sign in with two factors may turn it off', () => {
  assert.deepEqual(
    STAFF_ROLES.filter((role) => canTurnOffTwoFactor({ role, categoryIds: [] })),
    ['phong-vien'],
  );
});
