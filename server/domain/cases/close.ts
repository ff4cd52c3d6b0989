import { and, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { CLOSE_REASON_LENGTH } from '@/lib/cases';
import { cases, packages, type CaseRow } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { notify } from '../notifications/notify';
import { shanghaiDate } from '@/lib/dates';
import { RELEASED } from './placement';

// Closing a case as unrecoverable (核销, DESIGN §3: case → closed_unrecoverable). The
// creditor writes the debt off with its reason; the Beijing day is kept because the
// monthly disclosure counts the cases closed in each month.

/**
 * The creditor closes one of its open cases as unrecoverable. A commissioned case leaves
 * its agency at once, as on recall, and the agency is told why. Another creditor's case
 * answers NOT_FOUND; a settled or already closed one, CONFLICT. A case reserved for a
 * package not yet placed is refused too: agencies are bidding on it as part of that package.
 */
export const closeUnrecoverable = async (
  db: DbOrTx,
  caller: Caller,
  input: { caseId: string; reason: string },
  now = new Date(),
) => {
  const reason = input.reason.trim();
  const { min, max } = CLOSE_REASON_LENGTH;
  if (reason.length < min || reason.length > max)
    throw new DomainError('case.closeReason', { field: 'reason', values: { min, max } });
  return db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.id, input.caseId), eq(cases.creditorId, caller.actor.orgId)))
      .for('update');
    if (!c) throw new DomainError('case.notFound', { field: 'caseId' });
    return closeLockedCase(tx, caller, c, reason, now);
  });
};

/**
 * Closes a case its creditor holds, already locked by the caller's transaction: refused if
 * settled, closed, or reserved for a package not yet placed.
 */
export const closeLockedCase = async (tx: Tx, caller: Caller, c: CaseRow, reason: string, now: Date) => {
  if (c.status === 'settled' || c.status === 'closed_unrecoverable')
    throw new DomainError('case.notOpen', { labels: { status: `caseStatus.${c.status}` } });
  if (c.packageId && !c.commissionId) {
    const [pkg] = await tx.select({ name: packages.name }).from(packages).where(eq(packages.id, c.packageId));
    throw new DomainError('case.inPackage', { values: { packageName: pkg?.name ?? '' } });
  }
  const closedOn = shanghaiDate(now);
  await tx
    .update(cases)
    .set({ status: 'closed_unrecoverable', closedOn, closedReason: reason, ...RELEASED, updatedAt: now })
    .where(eq(cases.id, c.id));
  if (c.agencyId) {
    await notify(
      tx,
      { orgId: c.agencyId, roles: ['admin', 'supervisor'] },
      'case.closedUnrecoverable',
      { contractNo: c.contractNo, reason },
      '/agency/cases',
    );
  }
  await writeAudit(tx, caller, {
    action: 'case.closeUnrecoverable',
    resourceType: 'case',
    resourceId: c.id,
    orgId: c.creditorId,
    before: { status: c.status, agencyId: c.agencyId, commissionId: c.commissionId },
    after: { status: 'closed_unrecoverable', closedOn, reason },
  });
  return { id: c.id, status: 'closed_unrecoverable' as const, closedOn, closedReason: reason };
};
