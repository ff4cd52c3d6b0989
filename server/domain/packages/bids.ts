import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { BID_EXTENSION_MS } from '@/lib/market';
import { bids, packages, type Bid, type Package } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { jobQueue } from '../../jobs/queue';
import { notify } from '../notifications/notify';
import { isUniqueViolation } from '../shared/db-errors';
import { agencyStanding, isInCircle, requireAdmitted, requireNotSuspended } from './eligibility';

export const CLOSE_JOB_KIND = 'package.close';

export type BidInput = {
  feeBp: number;
  expectedRecoveryBp: number;
  plan: string;
  teamSize: number;
  provinces: string[];
};

export type BidView = Pick<
  Bid,
  | 'id'
  | 'packageId'
  | 'status'
  | 'feeBp'
  | 'expectedRecoveryBp'
  | 'plan'
  | 'teamSize'
  | 'provinces'
  | 'createdAt'
  | 'updatedAt'
>;

export const bidView = (b: Bid): BidView => ({
  id: b.id,
  packageId: b.packageId,
  status: b.status,
  feeBp: b.feeBp,
  expectedRecoveryBp: b.expectedRecoveryBp,
  plan: b.plan,
  teamSize: b.teamSize,
  provinces: b.provinces,
  createdAt: b.createdAt,
  updatedAt: b.updatedAt,
});

/**
 * Locks a package for a bid by this agency: it must be one the agency may see (else
 * NOT_FOUND), open, and before its close; the agency must be admitted right now and, to
 * place or change a bid, not under a sanction suspension.
 */
const lockForBidding = async (
  tx: Tx,
  caller: Caller,
  packageId: string,
  now: Date,
  isWithdrawal = false,
): Promise<Package> => {
  const [pkg] = await tx.select().from(packages).where(eq(packages.id, packageId)).for('update');
  const agency = await agencyStanding(tx, caller.actor.orgId, now);
  if (!pkg || pkg.status === 'draft' || pkg.status === 'cancelled' || !(await isInCircle(tx, agency, pkg)))
    throw new DomainError('package.notFound', { field: 'packageId' });
  requireAdmitted(agency);
  if (!isWithdrawal) await requireNotSuspended(tx, agency);
  if (pkg.status !== 'open' || !pkg.closesAt || pkg.closesAt.getTime() <= now.getTime())
    throw new DomainError('bid.closed');
  return pkg;
};

/**
 * Anti-sniping (DESIGN §3): a bid placed or changed in the last 3 minutes moves the close
 * 3 minutes later, and the close job with it.
 */
const extendIfLate = async (tx: Tx, pkg: Package, now: Date): Promise<Date | null> => {
  if (!pkg.closesAt || pkg.closesAt.getTime() - now.getTime() > BID_EXTENSION_MS) return null;
  const closesAt = new Date(pkg.closesAt.getTime() + BID_EXTENSION_MS);
  await tx.update(packages).set({ closesAt, updatedAt: now }).where(eq(packages.id, pkg.id));
  await jobQueue.reschedule(tx, { kind: CLOSE_JOB_KIND, key: pkg.id, payload: { packageId: pkg.id }, runAt: closesAt });
  return closesAt;
};

export const submitBid = async (db: DbOrTx, caller: Caller, packageId: string, input: BidInput, now = new Date()) =>
  db
    .transaction(async (tx) => {
      const pkg = await lockForBidding(tx, caller, packageId, now);
      const [bid] = await tx
        .insert(bids)
        .values({
          packageId: pkg.id,
          agencyId: caller.actor.orgId,
          ...input,
          createdBy: caller.actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!bid) throw new DomainError('bid.notFound');
      const extendedTo = await extendIfLate(tx, pkg, now);
      await writeAudit(tx, caller, {
        action: 'bid.submit',
        resourceType: 'bid',
        resourceId: bid.id,
        orgId: caller.actor.orgId,
        after: { packageId: pkg.id, ...input, extendedTo },
      });
      return { bid: bidView(bid), closesAt: extendedTo ?? pkg.closesAt };
    })
    .catch((e: unknown) => {
      // The same agency's second live bid: the partial unique index refuses it.
      if (isUniqueViolation(e)) throw new DomainError('bid.duplicate');
      throw e;
    });

const lockOwnBid = async (tx: DbOrTx, caller: Caller, bidId: string): Promise<Bid> => {
  const [bid] = await tx
    .select()
    .from(bids)
    .where(and(eq(bids.id, bidId), eq(bids.agencyId, caller.actor.orgId)));
  if (!bid) throw new DomainError('bid.notFound', { field: 'bidId' });
  if (bid.status !== 'submitted') throw new DomainError('bid.notLive');
  return bid;
};

export const updateBid = async (db: DbOrTx, caller: Caller, bidId: string, input: BidInput, now = new Date()) =>
  db.transaction(async (tx) => {
    const before = await lockOwnBid(tx, caller, bidId);
    const pkg = await lockForBidding(tx, caller, before.packageId, now);
    const [bid] = await tx
      .update(bids)
      .set({ ...input, updatedAt: now })
      .where(and(eq(bids.id, bidId), eq(bids.status, 'submitted')))
      .returning();
    if (!bid) throw new DomainError('bid.notLive');
    const extendedTo = await extendIfLate(tx, pkg, now);
    await writeAudit(tx, caller, {
      action: 'bid.update',
      resourceType: 'bid',
      resourceId: bid.id,
      orgId: caller.actor.orgId,
      before: bidView(before),
      after: { ...input, extendedTo },
    });
    return { bid: bidView(bid), closesAt: extendedTo ?? pkg.closesAt };
  });

export const withdrawBid = async (db: DbOrTx, caller: Caller, bidId: string, now = new Date()) =>
  db.transaction(async (tx) => {
    const before = await lockOwnBid(tx, caller, bidId);
    await lockForBidding(tx, caller, before.packageId, now, true);
    const [bid] = await tx
      .update(bids)
      .set({ status: 'withdrawn', updatedAt: now })
      .where(eq(bids.id, bidId))
      .returning();
    if (!bid) throw new DomainError('bid.notLive');
    await writeAudit(tx, caller, {
      action: 'bid.withdraw',
      resourceType: 'bid',
      resourceId: bid.id,
      orgId: caller.actor.orgId,
      before: { status: 'submitted' },
      after: { status: 'withdrawn' },
    });
    return { bid: bidView(bid) };
  });

/** When a package is cancelled: every live bid is withdrawn and its agency told. */
export const withdrawLiveBids = async (tx: Tx, pkg: Package, reason: 'package.cancelled') => {
  const live = await tx
    .update(bids)
    .set({ status: 'withdrawn', updatedAt: new Date() })
    .where(and(eq(bids.packageId, pkg.id), eq(bids.status, 'submitted')))
    .returning({ agencyId: bids.agencyId });
  for (const b of live)
    await notify(
      tx,
      { orgId: b.agencyId, roles: ['admin'] },
      'package.cancelled',
      { packageName: pkg.name, reason },
      `/agency/market/${pkg.id}`,
    );
};

/** A package whose close time has passed: bidding ends (idempotent; a moved close waits). */
export const closeIfDue = async (tx: Tx, packageId: string, now: Date): Promise<Package | null> => {
  const [pkg] = await tx.select().from(packages).where(eq(packages.id, packageId)).for('update');
  if (!pkg || pkg.status !== 'open' || !pkg.closesAt || pkg.closesAt.getTime() > now.getTime()) return pkg ?? null;
  const [closed] = await tx
    .update(packages)
    .set({ status: 'closed', updatedAt: now })
    .where(eq(packages.id, pkg.id))
    .returning();
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(bids)
    .where(and(eq(bids.packageId, pkg.id), eq(bids.status, 'submitted')));
  await writeAudit(
    tx,
    { actor: null, ip: null, userAgent: null },
    {
      action: 'package.close',
      resourceType: 'package',
      resourceId: pkg.id,
      orgId: pkg.creditorId,
      after: { bids: count?.n ?? 0 },
    },
  );
  await notify(
    tx,
    { orgId: pkg.creditorId, roles: ['admin', 'manager'] },
    'package.closed',
    { packageName: pkg.name, bids: String(count?.n ?? 0) },
    `/creditor/packages/${pkg.id}`,
  );
  return closed ?? pkg;
};
