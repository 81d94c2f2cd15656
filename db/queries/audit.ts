import { and, asc, desc, eq, or } from 'drizzle-orm';
import type { Db } from '@/db/engine';
import { auditLog } from '@/db/schema';
import type { AuditAction } from '@/lib/audit-actions';

// The newsroom's audit log: append-only (migration 0010's triggers refuse UPDATE and DELETE on both engines).
// Every state change writes its row in the same transaction as the change (STYLE.md, "The newsroom").

// The actions and their labels live in lib/audit-actions.ts (the audit page names each one).
export { AUDIT_ACTIONS, type AuditAction } from '@/lib/audit-actions';

export type AuditEntry = {
  action: AuditAction;
  /** Who acted: a username, or `cli` for the staff:* commands. */
  actor: string | null;
  /** The account acted on (a username, as typed for failed sign-ins of unknown names). */
  subject: string | null;
  /** The client's address (as the view counter decides it), or null for the command line. */
  address: string | null;
  detail?: Record<string, unknown> | null;
  at?: Date;
};

export async function appendAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    at: entry.at ?? new Date(),
    action: entry.action,
    actor: entry.actor,
    subject: entry.subject,
    address: entry.address,
    detail: entry.detail ?? null,
  });
}

export type AuditRecord = Required<Omit<AuditEntry, 'detail'>> & { id: number; detail: Record<string, unknown> | null };

/** The newest rows first (the coming /toa-soan/nhat-ky), or one account's. */
export async function listAudit(db: Db, { subject, limit = 100 }: { subject?: string; limit?: number } = {}): Promise<AuditRecord[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(subject === undefined ? undefined : eq(auditLog.subject, subject))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, action: row.action as AuditAction }));
}

/** Every action recorded, oldest first (tests). */
export async function listAuditActions(db: Db, subject: string): Promise<AuditAction[]> {
  const rows = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subject, subject)).orderBy(asc(auditLog.id));
  return rows.map((row) => row.action as AuditAction);
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * One page of the audit log, newest first (/toa-soan/nhat-ky): `person` keeps the rows where that username acted
 * or was acted on, `action` the rows of one action. Offset paging: the log only grows at its newest end, so a page
 * read later holds the rows it held, shifted by what came in since. `hasNext` says whether an older page exists.
 */
export async function listAuditPage(
  db: Db,
  { person, action, page = 1, pageSize = AUDIT_PAGE_SIZE }: { person?: string; action?: AuditAction; page?: number; pageSize?: number },
): Promise<{ rows: AuditRecord[]; hasNext: boolean }> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        person === undefined ? undefined : or(eq(auditLog.actor, person), eq(auditLog.subject, person)),
        action === undefined ? undefined : eq(auditLog.action, action),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { rows: rows.slice(0, pageSize).map((row) => ({ ...row, action: row.action as AuditAction })), hasNext: rows.length > pageSize };
}
