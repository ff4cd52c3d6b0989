import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import type { Channel, PackageStatus, Tier } from '@/lib/enums';
import {
  caseImports,
  cases,
  organizations,
  packageInvites,
  packages,
  type Package,
  type PackageSource,
} from '@/db/schema';
import { loosenedAgainst, type StagePolicy } from '@/lib/stage-policy';
import { rulebookInForce } from '../rules/publish';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { jobQueue } from '../../jobs/queue';
import { shanghaiDate } from '@/lib/dates';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { CLOSE_JOB_KIND, withdrawLiveBids } from './bids';
import { inBuckets, todayOf } from '../cases/ageing';
import { figuresWhere, packageFigures, withFreshFigures } from './figures';

/** Cases not in any package and with the creditor: never placed, or back from an agency. */
export const UNPLACED = sql`${cases.packageId} is null and ${cases.status} in ('new', 'returned', 'recalled')`;

export type PackageTerms = {
  commissionStart: string;
  commissionEnd: string;
  reserveFeeBp: number;
  expectedRecoveryBp: number;
  minTier: Tier | null;
  /** The lowest current scorecard score (0–100) an agency needs to see and bid on the package; null: none. */
  minScore: number | null;
  bidderCircle: 'all' | 'invited';
  invitedAgencyIds: string[];
  closesAt: Date;
  allowedChannels: Channel[];
  maxReductionBp: number;
  maxInstalments: number;
  stagePolicy: StagePolicy | null;
  /** Days after its due date an instalment may still be paid before the plan breaks. */
  instalmentGraceDays: number;
};

export type CreditorPackageView = Omit<Package, 'createdBy' | 'updatedAt'> & { invitedAgencyIds: string[] };

const sourceFilter = (creditorId: string, source: PackageSource, today: string): SQL => {
  const parts: (SQL | undefined)[] = [eq(cases.creditorId, creditorId), UNPLACED];
  if (source.kind === 'import') parts.push(eq(cases.importId, source.importId));
  else {
    if (source.buckets?.length) parts.push(inBuckets(source.buckets, today));
    if (source.provinces?.length) parts.push(inArray(cases.province, source.provinces));
    if (source.products?.length) parts.push(inArray(cases.product, source.products));
    if (source.minOverdue !== undefined) parts.push(gte(cases.amountOverdue, source.minOverdue));
    if (source.maxOverdue !== undefined) parts.push(lte(cases.amountOverdue, source.maxOverdue));
  }
  return and(...parts) as SQL;
};

/** A package of the caller's creditor, locked for the transaction; another creditor's answers NOT_FOUND. */
export const lockOwnPackage = async (tx: Tx, caller: Caller, packageId: string): Promise<Package> => {
  const [row] = await tx
    .select()
    .from(packages)
    .where(and(eq(packages.id, packageId), eq(packages.creditorId, caller.actor.orgId)))
    .for('update');
  if (!row) throw new DomainError('package.notFound', { field: 'packageId' });
  return row;
};

const requireStatus = (pkg: Package, allowed: readonly PackageStatus[]) => {
  if (!allowed.includes(pkg.status))
    throw new DomainError('package.wrongStatus', { labels: { status: `packageStatus.${pkg.status}` } });
};

const invitedOf = async (db: DbOrTx, packageId: string) =>
  (
    await db.select({ id: packageInvites.agencyId }).from(packageInvites).where(eq(packageInvites.packageId, packageId))
  ).map((r) => r.id);

const creditorView = async (db: DbOrTx, pkg: Package): Promise<CreditorPackageView> => {
  const { createdBy: _c, updatedAt: _u, ...rest } = pkg;
  return { ...rest, invitedAgencyIds: await invitedOf(db, pkg.id) };
};

/**
 * Builds a draft package from one import or a filter over the creditor's unplaced cases;
 * the cases are reserved for it at once, so no case sits in two packages.
 */
export const createPackage = async (db: DbOrTx, caller: Caller, input: { name: string; source: PackageSource }) =>
  db.transaction(async (tx) => {
    if (input.source.kind === 'import') {
      const [imp] = await tx
        .select({ id: caseImports.id, status: caseImports.status })
        .from(caseImports)
        .where(and(eq(caseImports.id, input.source.importId), eq(caseImports.creditorId, caller.actor.orgId)));
      if (!imp) throw new DomainError('import.notFound', { field: 'importId' });
    }
    const empty = { caseCount: 0, totalOverdue: 0, totalPrincipal: 0, avgDaysOverdue: 0, byBucket: {}, byProvince: {} };
    const [pkg] = await tx
      .insert(packages)
      .values({
        creditorId: caller.actor.orgId,
        name: input.name,
        source: input.source,
        importId: input.source.kind === 'import' ? input.source.importId : null,
        figures: empty,
        createdBy: caller.actor.userId,
      })
      .returning();
    if (!pkg) throw new DomainError('package.notFound');
    await tx
      .update(cases)
      .set({ packageId: pkg.id, updatedAt: new Date() })
      .where(sourceFilter(caller.actor.orgId, input.source, todayOf()));
    const figures = await packageFigures(tx, pkg.id);
    if (figures.caseCount === 0) throw new DomainError('package.noCases', { field: 'source' });
    const [saved] = await tx.update(packages).set({ figures }).where(eq(packages.id, pkg.id)).returning();
    await writeAudit(tx, caller, {
      action: 'package.create',
      resourceType: 'package',
      resourceId: pkg.id,
      orgId: caller.actor.orgId,
      after: { name: input.name, source: input.source, caseCount: figures.caseCount },
    });
    return creditorView(tx, saved ?? pkg);
  });

const checkInvites = async (tx: DbOrTx, ids: string[]) => {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(inArray(organizations.id, ids), eq(organizations.type, 'agency'), eq(organizations.status, 'active')));
  if (found.length !== new Set(ids).size)
    throw new DomainError('package.inviteNotAgency', { field: 'invitedAgencyIds' });
};

/** Sets the terms of a draft package (all of them at once; the form holds them all). */
export const saveTerms = async (db: DbOrTx, caller: Caller, packageId: string, terms: PackageTerms, now = new Date()) =>
  db.transaction(async (tx) => {
    const pkg = await lockOwnPackage(tx, caller, packageId);
    requireStatus(pkg, ['draft']);
    checkTerms(terms, now);
    if (terms.stagePolicy) {
      // A creditor may only tighten the rulebook in force: no channel earlier, none it closes opened.
      const loose = loosenedAgainst(terms.stagePolicy, (await rulebookInForce(tx)).rules.stagePolicy);
      if (loose.length > 0)
        throw new DomainError('package.stageLoosened', {
          field: `stagePolicy.${loose[0]}`,
          values: { cells: loose.length },
        });
    }
    if (terms.bidderCircle === 'invited') await checkInvites(tx, terms.invitedAgencyIds);
    const { invitedAgencyIds, ...columns } = terms;
    const [saved] = await tx
      .update(packages)
      .set({ ...columns, updatedAt: new Date() })
      .where(eq(packages.id, pkg.id))
      .returning();
    await tx.delete(packageInvites).where(eq(packageInvites.packageId, pkg.id));
    if (terms.bidderCircle === 'invited' && invitedAgencyIds.length > 0) {
      await tx
        .insert(packageInvites)
        .values([...new Set(invitedAgencyIds)].map((agencyId) => ({ packageId: pkg.id, agencyId })));
    }
    await writeAudit(tx, caller, {
      action: 'package.saveTerms',
      resourceType: 'package',
      resourceId: pkg.id,
      orgId: pkg.creditorId,
      before: termsOf(pkg),
      after: terms,
    });
    return creditorView(tx, saved ?? pkg);
  });

/** The terms an agency may read: everything but the reserve fee rate. */
export const agencyTerms = (p: Package) => ({
  commissionStart: p.commissionStart,
  commissionEnd: p.commissionEnd,
  expectedRecoveryBp: p.expectedRecoveryBp,
  minTier: p.minTier,
  minScore: p.minScore,
  bidderCircle: p.bidderCircle,
  closesAt: p.closesAt,
  allowedChannels: p.allowedChannels,
  maxReductionBp: p.maxReductionBp,
  maxInstalments: p.maxInstalments,
  stagePolicy: p.stagePolicy,
  instalmentGraceDays: p.instalmentGraceDays,
});

const termsOf = (p: Package) => ({ ...agencyTerms(p), reserveFeeBp: p.reserveFeeBp });

/** Dates that must follow each other: bidding closes in the future, the commission starts after it and ends after it starts. */
export const checkTerms = (
  t: Pick<PackageTerms, 'closesAt' | 'commissionStart' | 'commissionEnd' | 'bidderCircle' | 'invitedAgencyIds'>,
  now: Date,
) => {
  if (t.closesAt.getTime() <= now.getTime()) throw new DomainError('package.closeInPast', { field: 'closesAt' });
  if (t.commissionStart < shanghaiDate(t.closesAt))
    throw new DomainError('package.startBeforeClose', { field: 'commissionStart' });
  if (t.commissionEnd <= t.commissionStart) throw new DomainError('package.endBeforeStart', { field: 'commissionEnd' });
  if (t.bidderCircle === 'invited' && t.invitedAgencyIds.length === 0)
    throw new DomainError('package.noInvites', { field: 'invitedAgencyIds' });
};

/** Opens bidding: the terms must be set and still make sense now. */
export const openPackage = async (db: DbOrTx, caller: Caller, packageId: string, now = new Date()) =>
  db.transaction(async (tx) => {
    const pkg = await lockOwnPackage(tx, caller, packageId);
    requireStatus(pkg, ['draft']);
    if (
      !pkg.closesAt ||
      !pkg.commissionStart ||
      !pkg.commissionEnd ||
      pkg.reserveFeeBp === null ||
      pkg.expectedRecoveryBp === null ||
      pkg.allowedChannels.length === 0
    ) {
      throw new DomainError('package.termsMissing');
    }
    checkTerms(
      {
        closesAt: pkg.closesAt,
        commissionStart: pkg.commissionStart,
        commissionEnd: pkg.commissionEnd,
        bidderCircle: pkg.bidderCircle,
        invitedAgencyIds: await invitedOf(tx, pkg.id),
      },
      now,
    );
    const [saved] = await tx
      .update(packages)
      .set({ status: 'open', openedAt: now, updatedAt: now })
      .where(eq(packages.id, pkg.id))
      .returning();
    await jobQueue.reschedule(tx, {
      kind: CLOSE_JOB_KIND,
      key: pkg.id,
      payload: { packageId: pkg.id },
      runAt: pkg.closesAt,
    });
    await writeAudit(tx, caller, {
      action: 'package.open',
      resourceType: 'package',
      resourceId: pkg.id,
      orgId: pkg.creditorId,
      after: { closesAt: pkg.closesAt },
    });
    return creditorView(tx, saved ?? pkg);
  });

/** Cancels a draft or open package; its cases return to the creditor's unplaced cases and live bids are withdrawn. */
export const cancelPackage = async (db: DbOrTx, caller: Caller, packageId: string, reason: string) =>
  db.transaction(async (tx) => {
    const pkg = await lockOwnPackage(tx, caller, packageId);
    requireStatus(pkg, ['draft', 'open']);
    const [saved] = await tx
      .update(packages)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(eq(packages.id, pkg.id))
      .returning();
    await tx.update(cases).set({ packageId: null, updatedAt: new Date() }).where(eq(cases.packageId, pkg.id));
    await withdrawLiveBids(tx, pkg, 'package.cancelled');
    await writeAudit(tx, caller, {
      action: 'package.cancel',
      resourceType: 'package',
      resourceId: pkg.id,
      orgId: pkg.creditorId,
      before: { status: pkg.status },
      after: { reason },
    });
    return creditorView(tx, saved ?? pkg);
  });

export const getPackage = async (db: DbOrTx, caller: Caller, packageId: string) => {
  const [row] = await db
    .select()
    .from(packages)
    .where(and(eq(packages.id, packageId), eq(packages.creditorId, caller.actor.orgId)));
  if (!row) throw new DomainError('package.notFound', { field: 'packageId' });
  const [fresh] = await withFreshFigures(db, [row]);
  return creditorView(db, fresh ?? row);
};

export const listPackages = async (
  db: DbOrTx,
  caller: Caller,
  input: { status?: PackageStatus | undefined; cursor?: string | null | undefined; limit: number },
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select()
    .from(packages)
    .where(
      and(
        eq(packages.creditorId, caller.actor.orgId),
        input.status ? eq(packages.status, input.status) : undefined,
        cursor ? afterCursor(packages.createdAt, packages.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(packages.createdAt), desc(packages.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.createdAt, id: r.id }));
  page.items = await withFreshFigures(db, page.items);
  // The invitations of the whole page in one query.
  const ids = page.items.map((p) => p.id);
  const invites = ids.length
    ? await db.select().from(packageInvites).where(inArray(packageInvites.packageId, ids))
    : [];
  return {
    items: page.items.map(({ createdBy: _c, updatedAt: _u, ...p }) => ({
      ...p,
      invitedAgencyIds: invites.filter((i) => i.packageId === p.id).map((i) => i.agencyId),
    })),
    nextCursor: page.nextCursor,
  };
};

/** How many of the creditor's cases a filter would put in a new package (for the form, before creating it). */
export const previewSource = async (db: DbOrTx, caller: Caller, source: PackageSource) => {
  const today = todayOf();
  return figuresWhere(db, sourceFilter(caller.actor.orgId, source, today), today);
};
