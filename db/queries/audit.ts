import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/engine';
import { auditLog } from '@/db/schema';

// The newsroom's audit log: append-only (migration 0010's triggers refuse UPDATE and DELETE on both engines).
// Every state change writes its row in the same transaction as the change (STYLE.md, "The newsroom").

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'lockout',
  'sign-out',
  'password-changed',
  'account-created',
  'password-set',
  'account-disabled',
  'account-unlocked',
  'two-factor-enabled',
  'two-factor-verified',
  'two-factor-failed',
  'backup-code-used',
  'backup-codes-regenerated',
  'two-factor-disabled',
  'two-factor-reset',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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
