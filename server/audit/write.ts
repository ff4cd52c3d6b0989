import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
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

/** Who the row names: a signed-in caller, or a request nobody is signed in to (a failed sign-in, the system). */
export type AuditCaller = Caller | (RequestMeta & { actor: null });

const insertAudit = async (db: Db, caller: AuditCaller, entry: AuditEntry) => {
  await db.insert(auditLog).values({
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
    apiKeyId: caller.actor?.apiKey?.id ?? null,
  });
};

/**
 * Writes one audit row with the caller's transaction, so the row commits or rolls
 * back together with the change it describes. Only a transaction is accepted: a row
 * written beside the change, on a plain database, could outlive a change that failed
 * or miss one that committed.
 */
export const writeAudit = (tx: Tx, caller: AuditCaller, entry: AuditEntry) => insertAudit(tx, caller, entry);

/**
 * Writes one audit row on its own, for a record of something that changed nothing: a
 * read across organizations, a refused call or sign-in. There is no change for the row
 * to commit with; anything that changes data writes its row with `writeAudit`, in the
 * change's transaction.
 */
export const writeAuditAlone = (db: Db, caller: AuditCaller, entry: AuditEntry) => insertAudit(db, caller, entry);

/**
 * The record of a read that changed nothing, as `writeAuditAlone`, committed without waiting
 * for the disk (`synchronous_commit = off` for this transaction alone): a call to /api/v1 is
 * recorded on every call, and waiting for the write-ahead log's flush would double the time
 * of a small read. A crash of the database server in the instant after could lose such rows,
 * never a change's: every change writes its audit row in its own transaction, as always.
 */
export const writeReadAudit = (db: Db, caller: AuditCaller, entry: AuditEntry) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    await insertAudit(tx, caller, entry);
  });
