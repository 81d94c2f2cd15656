import type { Metadata } from 'next';
import { AuditLog } from '@/components/newsroom/audit-log';
import { getDb } from '@/db/client';
import { listAuditPage } from '@/db/queries/audit';
import { listCategories } from '@/db/queries/categories';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditActionLabel, isAuditAction, summariseAuditDetail } from '@/lib/audit-actions';
import { AUDIT_LOG_PATH, pageNumber } from '@/lib/newsroom-accounts';
import { canReadAuditLog } from '@/lib/newsroom-permissions';
import { normalizeUsername } from '@/lib/staff-password';
import { requireStaffPage } from '../access';

export const metadata: Metadata = { title: 'Nhật ký' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export default async function AuditLogPage({ searchParams }: PageProps<'/toa-soan/nhat-ky'>) {
  await requireStaffPage(canReadAuditLog);
  const query = await searchParams;
  const person = normalizeUsername(first(query.nguoi)).slice(0, 100);
  const actionParam = first(query['hanh-dong']);
  const action = isAuditAction(actionParam) ? actionParam : undefined;
  const page = pageNumber(query.trang);
  const [{ rows, hasNext }, categories] = await Promise.all([
    listAuditPage(getDb(), { person: person || undefined, action, page }),
    listCategories(),
  ]);
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const href = (to: number) => {
    const params = new URLSearchParams();
    if (person) params.set('nguoi', person);
    if (action) params.set('hanh-dong', action);
    if (to > 1) params.set('trang', String(to));
    const search = params.toString();
    return search ? `${AUDIT_LOG_PATH}?${search}` : AUDIT_LOG_PATH;
  };
  const lines = rows.map((row) => ({
    id: row.id,
    at: row.at,
    actionLabel: auditActionLabel(row.action),
    actor: row.actor,
    subject: row.subject,
    address: row.address,
    detail: summariseAuditDetail(row.detail, (id) => names.get(id) ?? `#${id}`),
  }));
  return (
    <AuditLog
      lines={lines}
      filters={{ person, action: action ?? '' }}
      actionOptions={AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] }))}
      page={page}
      previousHref={page > 1 ? href(page - 1) : null}
      nextHref={hasNext ? href(page + 1) : null}
      action={AUDIT_LOG_PATH}
    />
  );
}
