import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { auditLog, organizations, users } from '@/db/schema';
import { DomainError } from '../../errors';

export type ListAuditArgs = {
  actorUserId?: string | undefined;
  orgId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  cursor?: string | null | undefined;
  limit: number;
};

// The audit log is ordered by its identity column: newest first, keyset on id.
const decodeIdCursor = (raw: string | null | undefined): number | null => {
  if (!raw) return null;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new DomainError('input.invalidCursor', { field: 'cursor' });
  return n;
};

const actorOrg = alias(organizations, 'actor_org');

/** Staff only: the platform-wide audit trail. */
export const listAuditForStaff = async (db: DbOrTx, args: ListAuditArgs) => {
  const cursor = decodeIdCursor(args.cursor);
  const where: SQL[] = [];
  if (args.actorUserId) where.push(eq(auditLog.actorUserId, args.actorUserId));
  if (args.orgId) where.push(eq(auditLog.orgId, args.orgId));
  if (args.action) where.push(eq(auditLog.action, args.action));
  if (args.from) where.push(gte(auditLog.at, args.from));
  if (args.to) where.push(lte(auditLog.at, args.to));
  if (cursor) where.push(lt(auditLog.id, cursor));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      resourceType: auditLog.resourceType,
      resourceId: auditLog.resourceId,
      orgId: auditLog.orgId,
      orgName: organizations.name,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      actorEmail: users.email,
      actorRole: auditLog.actorRole,
      actorOrgName: actorOrg.name,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(organizations, eq(organizations.id, auditLog.orgId))
    .leftJoin(actorOrg, eq(actorOrg.id, auditLog.actorOrgId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(args.limit + 1);
  const items = rows.slice(0, args.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > args.limit && last ? String(last.id) : null };
};
