import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { cases, commissions, type Commission, type Package } from '@/db/schema';
import { inBuckets, todayOf } from '../cases/ageing';
import { DomainError } from '../../errors';
import { jobQueue } from '../../jobs/queue';
import { endOfShanghaiDay } from '@/lib/dates';

export const COMMISSION_END_JOB = 'commission.end';

export type Share = Commission['share'];

/**
 * Places a share of a package's cases with an agency for the package's term: the
 * commission row, the cases moved to the agency, and the job that returns them at term end.
 */
export const commissionShare = async (
  tx: Tx,
  pkg: Package,
  agencyId: string,
  bidId: string | null,
  feeBp: number,
  share: Share,
  now: Date,
): Promise<Commission> => {
  if (!pkg.commissionStart || !pkg.commissionEnd) throw new DomainError('package.termsMissing');
  const [commission] = await tx
    .insert(commissions)
    .values({
      packageId: pkg.id,
      creditorId: pkg.creditorId,
      agencyId,
      bidId,
      feeBp,
      startsOn: pkg.commissionStart,
      endsOn: pkg.commissionEnd,
      share,
      caseCount: 0,
      totalOverdue: 0,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!commission) throw new DomainError('package.notFound');
  const free: SQL = and(eq(cases.packageId, pkg.id), isNull(cases.commissionId)) as SQL;
  const target: SQL =
    share.kind === 'all'
      ? free
      : share.kind === 'provinces'
        ? (and(free, inArray(cases.province, share.provinces)) as SQL)
        : share.kind === 'buckets'
          ? (and(free, inBuckets(share.buckets, todayOf(now))) as SQL)
          : inArray(cases.id, tx.select({ id: cases.id }).from(cases).where(free).orderBy(cases.id).limit(share.count));
  const [placed] = await tx
    .with(
      tx
        .$with('placed')
        .as(
          tx
            .update(cases)
            .set({ agencyId, commissionId: commission.id, status: 'commissioned', updatedAt: now })
            .where(target)
            .returning({ amount: cases.amountOverdue }),
        ),
    )
    .select({ n: sql<number>`count(*)::int`, total: sql<string>`coalesce(sum(amount_overdue), 0)::text` })
    .from(sql`placed`);
  if (!placed || placed.n === 0) throw new DomainError('award.emptyShare');
  const [saved] = await tx
    .update(commissions)
    .set({ caseCount: placed.n, totalOverdue: Number(placed.total) })
    .where(eq(commissions.id, commission.id))
    .returning();
  await jobQueue.enqueue(tx, {
    kind: COMMISSION_END_JOB,
    key: commission.id,
    payload: { commissionId: commission.id },
    runAt: endOfShanghaiDay(pkg.commissionEnd),
  });
  return saved ?? commission;
};
