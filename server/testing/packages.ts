import { eq } from 'drizzle-orm';
import { cases, organizations } from '@/db/schema';
import { shanghaiDate } from '@/lib/dates';
import type { Tier } from '@/lib/enums';
import { closeIfDue } from '../domain/packages/bids';
import { importBytes, sampleCsv } from './cases';
import { callerAs, type UserKey, type World } from './world';

const DAY = 86_400_000;

/** Terms that open cleanly now: bidding closes in an hour, the commission runs 90 days from tomorrow. */
export const sampleTerms = (overrides: Record<string, unknown> = {}) => ({
  commissionStart: shanghaiDate(new Date(Date.now() + 2 * DAY)),
  commissionEnd: shanghaiDate(new Date(Date.now() + 92 * DAY)),
  reserveFeeBp: 3000,
  expectedRecoveryBp: 1500,
  minTier: null,
  bidderCircle: 'all' as const,
  invitedAgencyIds: [],
  closesAt: new Date(Date.now() + 3_600_000),
  allowedChannels: ['phone' as const, 'sms' as const, 'letter' as const, 'email' as const],
  maxReductionBp: 2000,
  maxInstalments: 12,
  ...overrides,
});

export const setTier = (w: World, org: 'agencyA' | 'agencyB', tier: Tier | null) =>
  w.db.update(organizations).set({ tier }).where(eq(organizations.id, w.orgs[org].id));

/** creditorA imports `count` cases and builds a draft package of them. */
export const draftPackage = async (w: World, count = 12, prefix = 'PK') => {
  const imp = await importBytes(w, 'creditorA.manager', sampleCsv(count, prefix));
  const manager = await callerAs(w.db, w.users['creditorA.manager']);
  return manager.packages.create({ name: `${prefix} 包`, source: { kind: 'import', importId: imp.id } });
};

/** A package open for bids with the given terms. */
export const openPackage = async (w: World, terms: Record<string, unknown> = {}, count = 12, prefix = 'PK') => {
  const pkg = await draftPackage(w, count, prefix);
  const manager = await callerAs(w.db, w.users['creditorA.manager']);
  await manager.packages.saveTerms({ packageId: pkg.id, terms: sampleTerms(terms) });
  return manager.packages.open({ packageId: pkg.id });
};

export const sampleBid = (overrides: Record<string, unknown> = {}) => ({
  feeBp: 2500,
  expectedRecoveryBp: 1800,
  plan: '电话为主、短信提醒，M3 以上发律师函，月度回款报告。',
  teamSize: 30,
  provinces: ['44' as const, '33' as const],
  ...overrides,
});

export const bidAs = async (w: World, who: UserKey, packageId: string, overrides: Record<string, unknown> = {}) =>
  (await callerAs(w.db, w.users[who])).market.bid.submit({ packageId, ...sampleBid(overrides) });

/** Runs the close as the job would at the close time. */
export const closeNow = (w: World, packageId: string) =>
  w.db.transaction((tx) => closeIfDue(tx, packageId, new Date(Date.now() + 86_400_000)));

/** An open package with bids from agencyA (25 %) and agencyB (22 %), then closed. */
export const closedWithBids = async (w: World, count = 12, prefix = 'PK', terms: Record<string, unknown> = {}) => {
  const pkg = await openPackage(w, terms, count, prefix);
  const a = await bidAs(w, 'agencyA.admin', pkg.id);
  const b = await bidAs(w, 'agencyB.admin', pkg.id, { feeBp: 2200 });
  await closeNow(w, pkg.id);
  return { pkg, bidA: a.bid, bidB: b.bid };
};

/** A package awarded whole to agencyA. */
export const awardedToA = async (w: World, count = 12, prefix = 'PK', terms: Record<string, unknown> = {}) => {
  const { pkg, bidA, bidB } = await closedWithBids(w, count, prefix, terms);
  const manager = await callerAs(w.db, w.users['creditorA.manager']);
  await manager.packages.award({ packageId: pkg.id, shares: [{ bidId: bidA.id, share: { kind: 'all' } }] });
  return { pkg, bidA, bidB };
};

/** The ids of a package's cases, in id order. */
export const caseIdsOf = async (w: World, packageId: string) =>
  (await w.db.select({ id: cases.id }).from(cases).where(eq(cases.packageId, packageId)).orderBy(cases.id)).map(
    (r) => r.id,
  );
