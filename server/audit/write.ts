import type { DbOrTx } from '@/db/client';
import type { AuditAction } from '@/lib/enums';
import { auditLog } from '@/db/schema';
import type { Caller, RequestMeta } from '../auth/actor';

export type AuditEntry = {
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  /** The organization that owns the resource. */
  orgId?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Writes one audit row with the caller's transaction, so the row commits or rolls
 * back together with the change it describes.
 */
export const writeAudit = async (tx: DbOrTx, caller: Caller | (RequestMeta & { actor: null }), entry: AuditEntry) => {
  await tx.insert(auditLog).values({
    actorUserId: caller.actor?.userId ?? null,
    actorOrgId: caller.actor?.orgId ?? null,
    actorRole: caller.actor?.role ?? null,
    orgId: entry.orgId ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: caller.ip,
    userAgent: caller.userAgent?.slice(0, 500) ?? null,
  });
};
