import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditActionLabel, summariseAuditDetail } from '@/lib/audit-actions';

// The audit page names every action and says each row's detail in words.

test('every action has its own Vietnamese label; an unknown stored action is shown as stored', () => {
  const labels = AUDIT_ACTIONS.map((action) => AUDIT_ACTION_LABELS[action]);
  assert.equal(new Set(labels).size, AUDIT_ACTIONS.length);
  assert.equal(auditActionLabel('role-changed'), 'Đổi vai trò, chuyên mục');
  assert.equal(auditActionLabel('toString'), 'toString');
});

test('details read as words: roles by label, categories by name, reasons and counts', () => {
  const names = (id: number) => ({ 17: 'Thời sự', 29: 'Kinh tế' })[id] ?? `#${id}`;
  assert.equal(
    summariseAuditDetail({ from: { role: 'phong-vien', categoryIds: [17] }, to: { role: 'bien-tap-vien', categoryIds: [17, 29] }, sessionsEnded: 2 }, names),
    'Phóng viên (Thời sự) → Biên tập viên (Thời sự, Kinh tế); 2 phiên bị đăng xuất',
  );
  assert.equal(summariseAuditDetail({ role: 'lanh-dao', categoryIds: [], mustChangePassword: true }, names), 'vai trò: Lãnh đạo; mật khẩu dùng một lần');
  assert.equal(summariseAuditDetail({ reason: 'unknown-user' }), 'lý do: không có tài khoản này');
  assert.equal(summariseAuditDetail({ minutes: 15 }), 'khóa 15 phút');
  assert.equal(summariseAuditDetail({ other: { a: 1 } }), 'other: {"a":1}');
  assert.equal(summariseAuditDetail(null), '');
});
