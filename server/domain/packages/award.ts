import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { bids, cases, packages } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { emitEvent } from '../webhooks/emit';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { notify } from '../notifications/notify';
import { closeIfDue } from './bids';
import { commissionShare, type Share } from './commission';
import { orgNameOf } from '../orgs/orgs';
import { agencyStanding } from './eligibility';
import { lockOwnPackage } from './packages';

export type AwardShare = { bidId: string; share: Share };

const AWARDED = ['awarded', 'active', 'completed', 'recalled'] as const;

/** Shares of a split must not overlap and, split by count, must add up to the package. */
export const checkShares = (shares: readonly AwardShare[], caseCount: number) => {
  const bidIds = new Set(shares.map((s) => s.bidId));
  if (bidIds.size !== shares.length) throw new DomainError('award.overlap', { field: 'shares' });
  if (shares.length > 1 && shares.some((s) => s.share.kind === 'all'))
    throw new DomainError('award.overlap', { field: 'shares' });
  const kinds = new Set(shares.map((s) => s.share.kind));
  if (kinds.size > 1) throw new DomainError('award.overlap', { field: 'shares' });
  const seen = new Set<string>();
  for (const { share } of shares) {
    const keys =
      share.kind === 'provinces' ? share.provinces : share.kind === 'buckets' ? share.buckets.map(String) : [];
    for (const k of keys) {
      if (seen.has(k)) throw new DomainError('award.overlap', { field: 'shares' });
      seen.add(k);
    }
  }
  if (kinds.has('count')) {
    const total = shares.reduce((sum, s) => sum + (s.share.kind === 'count' ? s.share.count : 0), 0);
    if (total !== caseCount) throw new DomainError('award.countMismatch', { field: 'shares' });
  }
};

/**
 * Awards a closed package, whole to one bid or split between several (DESIGN §3). The
 * package row is locked and moved from `closed` in the same statement that checks it, so
 * of any number of parallel attempts exactly one awards and the rest get CONFLICT. Cases a
 * split by province or bucket leaves out go back to the creditor's unplaced cases.
 */
export const awardPackage = async (
  db: DbOrTx,
  caller: Caller,
  packageId: string,
  shares: AwardShare[],
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    let pkg = await lockOwnPackage(tx, caller, packageId);
    if (pkg.status === 'open') pkg = (await closeIfDue(tx, pkg.id, now)) ?? pkg;
    if (pkg.status === 'open') throw new DomainError('package.notClosed');
    if ((AWARDED as readonly string[]).includes(pkg.status)) throw new DomainError('package.alreadyAwarded');
    if (pkg.status !== 'closed')
      throw new DomainError('package.wrongStatus', { labels: { status: `packageStatus.${pkg.status}` } });
    checkShares(shares, pkg.figures.caseCount);
    const live = await tx
      .select()
      .from(bids)
      .where(
        and(
          eq(bids.packageId, pkg.id),
          eq(bids.status, 'submitted'),
          inArray(
            bids.id,
            shares.map((s) => s.bidId),
          ),
        ),
      );
    if (live.length !== shares.length) throw new DomainError('award.bidNotLive', { field: 'shares' });
    // A suspended, expired or banned agency takes no new commission, whatever it bid before;
    // nor does one under a sanction suspension.
    for (const b of live) {
      const agency = await agencyStanding(tx, b.agencyId, now);
      if (agency.status !== 'active')
        throw new DomainError('award.agencyNotAdmitted', {
          field: 'shares',
          labels: { status: `orgStatus.${agency.status}` },
        });
      if (agency.isSuspended)
        throw new DomainError('award.agencySuspended', {
          field: 'shares',
          values: { agencyName: await orgNameOf(tx, agency.id) },
        });
    }

    const [moved] = await tx
      .update(packages)
      .set({ status: 'awarded', awardedAt: now, updatedAt: now })
      .where(and(eq(packages.id, pkg.id), eq(packages.status, 'closed')))
      .returning();
    if (!moved) throw new DomainError('package.alreadyAwarded');

    const placed: { agencyId: string; bidId: string; caseCount: number }[] = [];
    const commissionIds: string[] = [];
    for (const s of shares) {
      const bid = live.find((b) => b.id === s.bidId);
      if (!bid) throw new DomainError('award.bidNotLive', { field: 'shares' });
      const commission = await commissionShare(tx, moved, bid.agencyId, bid.id, bid.feeBp, s.share, now);
      placed.push({ agencyId: bid.agencyId, bidId: bid.id, caseCount: commission.caseCount });
      commissionIds.push(commission.id);
    }
    // Cases no share covered return to the creditor.
    const released = await tx
      .update(cases)
      .set({ packageId: null, updatedAt: now })
      .where(and(eq(cases.packageId, pkg.id), isNull(cases.commissionId)))
      .returning({ id: cases.id });

    const winners = placed.map((p) => p.bidId);
    await tx.update(bids).set({ status: 'won', updatedAt: now }).where(inArray(bids.id, winners));
    const losers = await tx
      .update(bids)
      .set({ status: 'lost', updatedAt: now })
      .where(and(eq(bids.packageId, pkg.id), eq(bids.status, 'submitted')))
      .returning({ agencyId: bids.agencyId });
    for (const p of placed) {
      await notify(
        tx,
        { orgId: p.agencyId, roles: ['admin', 'supervisor'] },
        'bid.won',
        { packageName: pkg.name, cases: String(p.caseCount) },
        '/agency/cases',
      );
    }
    for (const l of losers)
      await notify(
        tx,
        { orgId: l.agencyId, roles: ['admin'] },
        'bid.lost',
        { packageName: pkg.name },
        `/agency/market/${pkg.id}`,
      );
    await writeAudit(tx, caller, {
      action: 'package.award',
      resourceType: 'package',
      resourceId: pkg.id,
      orgId: pkg.creditorId,
      before: { status: 'closed' },
      after: { shares: placed, released: released.length, losers: losers.length },
    });
    // The creditor hears of every share; each winner of its own share only, and of the cases now its.
    await emitEvent(tx, {
      orgId: pkg.creditorId,
      type: 'package.awarded',
      payload: {
        packageId: pkg.id,
        shares: placed.map((p, i) => ({
          agencyId: p.agencyId,
          commissionId: commissionIds[i],
          caseCount: p.caseCount,
        })),
        released: released.length,
      },
    });
    for (const [i, p] of placed.entries()) {
      const share = { packageId: pkg.id, commissionId: commissionIds[i], caseCount: p.caseCount };
      await emitEvent(tx, { orgId: p.agencyId, type: 'package.awarded', payload: share });
      await emitEvent(tx, { orgId: p.agencyId, type: 'case.assigned', payload: share });
    }
    return { packageId: pkg.id, commissions: placed, released: released.length };
  });
