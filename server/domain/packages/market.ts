import { and, asc, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { admissionApplications, bids, cases, organizations, packages, type Package } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { DomainError } from '../../errors';

import { currentCreditorScores } from '../scorecards/creditor-read';
import { currentScores } from '../scorecards/read';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { bidView } from './bids';
import { agencyStanding, inCircle, isInCircle } from './eligibility';
import { agencyTerms } from './packages';
import { bucketSql, daysOverdueSql, inBucket, todayOf } from '../cases/ageing';
import { packageHasBucket, withFreshFigures } from './figures';

// What agencies see of packages (issue: marketplace): the aggregate figures, the terms
// except the reserve fee rate, the creditor's name and current creditor score (what working
// for it is like, scorecards/creditor-formula.ts) and a sample with no name, ID or phone.

const SAMPLE_SIZE = 10;

const publicTerms = (p: Package) => ({
  id: p.id,
  name: p.name,
  status: p.status,
  figures: p.figures,
  openedAt: p.openedAt,
  ...agencyTerms(p),
});
export type MarketPackage = ReturnType<typeof publicTerms> & {
  creditorName: string;
  creditorScore: { scoreBp: number; month: string } | null;
};

export type MarketSort = 'closing' | 'newest';

/** When a package came to the agency: opened for bids, or offered (last changed). */
const listedAt = sql`coalesce(${packages.openedAt}, ${packages.updatedAt})`;

/** Open packages this agency may bid on and packages offered to it, soonest close first (or newest), with filters. */
export const listMarket = async (
  db: DbOrTx,
  caller: Caller,
  input: {
    sort: MarketSort;
    province?: string | undefined;
    bucket?: number | undefined;
    cursor?: string | null | undefined;
    limit: number;
  },
  now = new Date(),
) => {
  const agency = await agencyStanding(db, caller.actor.orgId, now);
  // Under a sanction suspension, or with its admission expired, the marketplace is empty:
  // no package to bid on or take, so no creditor's figures either.
  if (agency.isSuspended || agency.status !== 'active') return { items: [], nextCursor: null };
  const cursor = decodeCursor(input.cursor);
  const keyset =
    cursor && input.sort === 'closing'
      ? sql`(${packages.closesAt}, ${packages.id}) > (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`
      : cursor
        ? sql`(${listedAt}, ${packages.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`
        : undefined;
  const rows = await db
    .select({ pkg: packages, creditorName: organizations.name })
    .from(packages)
    .innerJoin(organizations, eq(organizations.id, packages.creditorId))
    .where(
      and(
        // Open packages in the agency's circle, and any package offered to it directly.
        or(
          and(eq(packages.status, 'open'), gt(packages.closesAt, now), inCircle(agency)),
          and(eq(packages.status, 'offered'), eq(packages.offeredAgencyId, agency.id)),
        ),
        input.province ? sql`jsonb_exists(${packages.figures}->'byProvince', ${input.province})` : undefined,
        input.bucket !== undefined ? packageHasBucket(inBucket(input.bucket, todayOf(now))) : undefined,
        keyset,
      ),
    )
    .orderBy(
      ...(input.sort === 'closing' ? [asc(packages.closesAt), asc(packages.id)] : [desc(listedAt), desc(packages.id)]),
    )
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({
    at: (input.sort === 'closing' ? r.pkg.closesAt : (r.pkg.openedAt ?? r.pkg.updatedAt)) ?? new Date(0),
    id: r.pkg.id,
  }));
  const fresh = await withFreshFigures(
    db,
    page.items.map((r) => r.pkg),
    now,
  );
  const scores = await currentCreditorScores(
    db,
    page.items.map((r) => r.pkg.creditorId),
  );
  return {
    items: page.items.map((r, i) => ({
      ...publicTerms(fresh[i] ?? r.pkg),
      creditorName: r.creditorName,
      creditorScore: scores.get(r.pkg.creditorId) ?? null,
    })),
    nextCursor: page.nextCursor,
  };
};

/**
 * One package as an agency sees it: when it is in the agency's circle and out for bids or
 * decided, offered to it, or it bid on it. Anything else answers NOT_FOUND.
 */
export const getMarketPackage = async (db: DbOrTx, caller: Caller, packageId: string, now = new Date()) => {
  const today = todayOf(now);
  const agency = await agencyStanding(db, caller.actor.orgId);
  const [row] = await db
    .select({ pkg: packages, creditorName: organizations.name })
    .from(packages)
    .innerJoin(organizations, eq(organizations.id, packages.creditorId))
    .where(eq(packages.id, packageId));
  const myBids = row
    ? await db
        .select()
        .from(bids)
        .where(and(eq(bids.packageId, packageId), eq(bids.agencyId, agency.id)))
        .orderBy(desc(bids.createdAt))
    : [];
  const isOfferedToMe = row?.pkg.status === 'offered' && row.pkg.offeredAgencyId === agency.id;
  // An agency whose admission expired keeps only what it bid on or was offered.
  const isListed =
    agency.status === 'active' &&
    row &&
    ['open', 'closed', 'awarded', 'active', 'completed'].includes(row.pkg.status) &&
    (await isInCircle(db, agency, row.pkg));
  if (!row || !(isOfferedToMe || isListed || myBids.length > 0))
    throw new DomainError('package.notFound', { field: 'packageId' });
  const sample = await db
    .select({
      bucket: bucketSql(today),
      daysOverdue: daysOverdueSql(today),
      amountOverdue: cases.amountOverdue,
      principalOutstanding: cases.principalOutstanding,
      loanAmount: cases.loanAmount,
      province: cases.province,
      city: cases.city,
      product: cases.product,
      loanDate: cases.loanDate,
    })
    .from(cases)
    .where(eq(cases.packageId, packageId))
    .orderBy(cases.id)
    .limit(SAMPLE_SIZE);
  const live = myBids.find((b) => b.status === 'submitted') ?? myBids[0] ?? null;
  const [pkg] = await withFreshFigures(db, [row.pkg], now);
  const scores = await currentCreditorScores(db, [row.pkg.creditorId]);
  return {
    ...publicTerms(pkg ?? row.pkg),
    creditorName: row.creditorName,
    creditorScore: scores.get(row.pkg.creditorId) ?? null,
    sample,
    myBid: live ? bidView(live) : null,
    offer: isOfferedToMe ? { feeBp: row.pkg.offerFeeBp ?? 0, expiresAt: row.pkg.offerExpiresAt } : null,
  };
};

/** The agency's bids, newest first, with each package's name and status. */
export const listMyBids = async (
  db: DbOrTx,
  caller: Caller,
  input: { cursor?: string | null | undefined; limit: number },
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({ bid: bids, packageName: packages.name, packageStatus: packages.status, closesAt: packages.closesAt })
    .from(bids)
    .innerJoin(packages, eq(packages.id, bids.packageId))
    .where(
      and(eq(bids.agencyId, caller.actor.orgId), cursor ? afterCursor(bids.createdAt, bids.id, cursor) : undefined),
    )
    .orderBy(desc(bids.createdAt), desc(bids.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.bid.createdAt, id: r.bid.id }));
  return {
    items: page.items.map((r) => ({
      ...bidView(r.bid),
      packageName: r.packageName,
      packageStatus: r.packageStatus,
      closesAt: r.closesAt,
    })),
    nextCursor: page.nextCursor,
  };
};

/**
 * The bids on one of the creditor's packages, side by side: fee, expected recovery, plan,
 * and each agency's tier, admission score and current scorecard score (DESIGN §7). Withdrawn bids are left out.
 */
export const listPackageBids = async (db: DbOrTx, caller: Caller, packageId: string) => {
  const [pkg] = await db
    .select({ id: packages.id })
    .from(packages)
    .where(and(eq(packages.id, packageId), eq(packages.creditorId, caller.actor.orgId)));
  if (!pkg) throw new DomainError('package.notFound', { field: 'packageId' });
  const rows = await db
    .select({ bid: bids, agencyName: organizations.name, tier: organizations.tier, agencyStatus: organizations.status })
    .from(bids)
    .innerJoin(organizations, eq(organizations.id, bids.agencyId))
    .where(
      and(
        eq(bids.packageId, packageId),
        or(eq(bids.status, 'submitted'), eq(bids.status, 'won'), eq(bids.status, 'lost')),
      ),
    )
    .orderBy(asc(bids.feeBp), asc(bids.createdAt));
  const agencyIds = [...new Set(rows.map((r) => r.bid.agencyId))];
  const scores = agencyIds.length
    ? await db
        .selectDistinctOn([admissionApplications.orgId], {
          orgId: admissionApplications.orgId,
          score: admissionApplications.score,
        })
        .from(admissionApplications)
        .where(and(inArray(admissionApplications.orgId, agencyIds), eq(admissionApplications.status, 'admitted')))
        .orderBy(admissionApplications.orgId, desc(admissionApplications.decidedAt))
    : [];
  const current = await currentScores(db, agencyIds);
  return rows.map((r) => ({
    ...bidView(r.bid),
    agencyId: r.bid.agencyId,
    agencyName: r.agencyName,
    agencyTier: r.tier,
    agencyStatus: r.agencyStatus,
    admissionScore: scores.find((s) => s.orgId === r.bid.agencyId)?.score ?? null,
    scoreBp: current.get(r.bid.agencyId)?.scoreBp ?? null,
    scoreMonth: current.get(r.bid.agencyId)?.month ?? null,
  }));
};
