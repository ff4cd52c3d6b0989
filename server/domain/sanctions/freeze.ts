import { and, asc, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { cases, commissions, organizations, packages } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { notify } from '../notifications/notify';
import { orgNameOf } from '../orgs/orgs';
import { isSuspendedSql, suspensionOf } from './standing';

// While an agency is under a sanction suspension its commissions go on, unless the
// creditor freezes them (issue 7): then the agency reads its cases but logs no action,
// plans or records no visit and reports no repayment on them (server/domain/work/case-access.ts).
// The creditor unfreezes when it chooses, also after the suspension has ended.

/**
 * The creditor's active commissions that a suspension concerns: those with an agency
 * suspended today, and any it froze (so it can unfreeze them), by agency and package.
 */
export const listSuspendedCommissions = async (db: DbOrTx, caller: Caller, now = new Date()) => {
  const isSuspended = isSuspendedSql(commissions.agencyId, now);
  const rows = await db
    .select({
      id: commissions.id,
      agencyId: commissions.agencyId,
      agencyName: organizations.name,
      packageId: commissions.packageId,
      packageName: packages.name,
      startsOn: commissions.startsOn,
      endsOn: commissions.endsOn,
      frozenAt: commissions.frozenAt,
      isSuspended,
      openCases:
        sql<number>`(select count(*)::int from ${cases} where ${cases.commissionId} = ${commissions.id})`.mapWith(
          Number,
        ),
    })
    .from(commissions)
    .innerJoin(organizations, eq(organizations.id, commissions.agencyId))
    .innerJoin(packages, eq(packages.id, commissions.packageId))
    .where(
      and(
        eq(commissions.creditorId, caller.actor.orgId),
        eq(commissions.status, 'active'),
        or(isNotNull(commissions.frozenAt), isSuspended),
      ),
    )
    .orderBy(asc(organizations.name), asc(packages.name), asc(commissions.id))
    .limit(500);
  return { items: rows };
};

/** The creditor's active commission, locked; anyone else's or an ended one answers NOT_FOUND. */
const lockOwnCommission = async (tx: Tx, caller: Caller, commissionId: string) => {
  const [c] = await tx
    .select()
    .from(commissions)
    .where(
      and(
        eq(commissions.id, commissionId),
        eq(commissions.creditorId, caller.actor.orgId),
        eq(commissions.status, 'active'),
      ),
    )
    .for('update');
  if (!c) throw new DomainError('commission.notFound', { field: 'commissionId' });
  return c;
};

const tell = async (
  tx: Tx,
  caller: Caller,
  c: { agencyId: string; packageId: string },
  kind: 'commission.frozen' | 'commission.unfrozen',
) => {
  const [pkg] = await tx.select({ name: packages.name }).from(packages).where(eq(packages.id, c.packageId));
  await notify(
    tx,
    { orgId: c.agencyId, roles: ['admin', 'supervisor'] },
    kind,
    { creditorName: await orgNameOf(tx, caller.actor.orgId), packageName: pkg?.name ?? '' },
    '/agency/cases',
  );
};

/** Freezes a commission with an agency under suspension: its cases stay with the agency, unworked. */
export const freezeCommission = async (db: DbOrTx, caller: Caller, input: { commissionId: string }, now = new Date()) =>
  db.transaction(async (tx) => {
    const c = await lockOwnCommission(tx, caller, input.commissionId);
    if (c.frozenAt) throw new DomainError('commission.alreadyFrozen');
    const suspension = await suspensionOf(tx, c.agencyId, now);
    if (!suspension) throw new DomainError('commission.agencyNotSuspended');
    await tx.update(commissions).set({ frozenAt: now, updatedAt: now }).where(eq(commissions.id, c.id));
    await writeAudit(tx, caller, {
      action: 'commission.freeze',
      resourceType: 'commission',
      resourceId: c.id,
      orgId: c.creditorId,
      after: { frozenAt: now, agencyId: c.agencyId, sanctionId: suspension.sanctionId },
    });
    await tell(tx, caller, c, 'commission.frozen');
    return { id: c.id, frozenAt: now };
  });

/** Unfreezes a commission: the agency works its cases again. */
export const unfreezeCommission = async (
  db: DbOrTx,
  caller: Caller,
  input: { commissionId: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const c = await lockOwnCommission(tx, caller, input.commissionId);
    if (!c.frozenAt) throw new DomainError('commission.notFrozen');
    await tx.update(commissions).set({ frozenAt: null, updatedAt: now }).where(eq(commissions.id, c.id));
    await writeAudit(tx, caller, {
      action: 'commission.unfreeze',
      resourceType: 'commission',
      resourceId: c.id,
      orgId: c.creditorId,
      before: { frozenAt: c.frozenAt },
      after: { frozenAt: null, agencyId: c.agencyId },
    });
    await tell(tx, caller, c, 'commission.unfrozen');
    return { id: c.id, frozenAt: null };
  });
