import type { StagePolicy } from '../../lib/stage-policy';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  BID_STATUSES,
  BIDDER_CIRCLES,
  COMMISSION_STATUSES,
  DEFAULT_INSTALMENT_GRACE_DAYS,
  MAX_INSTALMENT_GRACE_DAYS,
  PACKAGE_STATUSES,
} from '../../lib/enums';
import { caseImports } from './cases';
import { timestamps, ts } from './columns';
import { organizations, tier } from './organizations';
import { users } from './users';

export const packageStatus = pgEnum('package_status', PACKAGE_STATUSES);
export const bidderCircle = pgEnum('bidder_circle', BIDDER_CIRCLES);
export const bidStatus = pgEnum('bid_status', BID_STATUSES);
export const commissionStatus = pgEnum('commission_status', COMMISSION_STATUSES);

/**
 * Figures computed from a package's cases when its membership changes, and again on the
 * first read of a later day (cases age: days overdue and buckets move at Beijing midnight).
 */
export type PackageFigures = {
  /** The Beijing day the ages were counted on (absent on figures computed before cases aged). */
  asOf?: string;
  caseCount: number;
  totalOverdue: number;
  totalPrincipal: number;
  avgDaysOverdue: number;
  byBucket: Record<string, { count: number; amount: number }>;
  byProvince: Record<string, { count: number; amount: number }>;
};

/** How a package was filled: from one import, or a filter over the creditor's unplaced cases. */
export type PackageSource =
  | { kind: 'import'; importId: string }
  | {
      kind: 'filter';
      buckets?: number[];
      provinces?: string[];
      products?: string[];
      minOverdue?: number;
      maxOverdue?: number;
    };

/**
 * A creditor's package of cases put out to agencies (DESIGN §3). Terms are set in draft;
 * the reserve fee rate (the highest acceptable) is never shown to agencies.
 */
export const packages = pgTable(
  'packages',
  {
    id: uuid().primaryKey().defaultRandom(),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    status: packageStatus().notNull().default('draft'),
    source: jsonb().$type<PackageSource>().notNull(),
    importId: uuid().references(() => caseImports.id),
    figures: jsonb().$type<PackageFigures>().notNull(),
    // Terms.
    commissionStart: date({ mode: 'string' }),
    commissionEnd: date({ mode: 'string' }),
    reserveFeeBp: integer(),
    expectedRecoveryBp: integer(),
    minTier: tier(),
    /** The lowest current scorecard score (0–100) an agency needs to see and bid on the package. */
    minScore: smallint(),
    bidderCircle: bidderCircle().notNull().default('all'),
    closesAt: ts(),
    allowedChannels: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    maxReductionBp: integer().notNull().default(0),
    maxInstalments: integer().notNull().default(1),
    /**
     * The package's own stage policy (lib/stage-policy.ts), stricter than the rulebook's;
     * null: the rulebook's. The stricter of the two applies to every contact.
     */
    stagePolicy: jsonb().$type<StagePolicy>(),
    /** Days after an instalment's due date it may still be paid before the plan breaks. */
    instalmentGraceDays: smallint().notNull().default(DEFAULT_INSTALMENT_GRACE_DAYS),
    // A direct offer to one agency at fixed terms, answered within 2 business days.
    offeredAgencyId: uuid().references(() => organizations.id),
    offerFeeBp: integer(),
    offerExpiresAt: ts(),
    openedAt: ts(),
    awardedAt: ts(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('packages_creditor_idx').on(t.creditorId, t.createdAt, t.id),
    index('packages_creditor_status_idx').on(t.creditorId, t.status, t.createdAt, t.id),
    index('packages_market_idx').on(t.status, t.closesAt, t.id),
    check(
      'packages_instalment_grace_check',
      sql`${t.instalmentGraceDays} between 0 and ${sql.raw(String(MAX_INSTALMENT_GRACE_DAYS))}`,
    ),
  ],
);

/** The agencies invited to bid, when the bidder circle is an invite list. */
export const packageInvites = pgTable(
  'package_invites',
  {
    packageId: uuid()
      .notNull()
      .references(() => packages.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.agencyId] }), index('package_invites_agency_idx').on(t.agencyId)],
);

/** An agency's bid (DESIGN §3): at most one live bid per agency and package. */
export const bids = pgTable(
  'bids',
  {
    id: uuid().primaryKey().defaultRandom(),
    packageId: uuid()
      .notNull()
      .references(() => packages.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    status: bidStatus().notNull().default('submitted'),
    feeBp: integer().notNull(),
    expectedRecoveryBp: integer().notNull(),
    plan: text().notNull(),
    teamSize: integer().notNull(),
    provinces: text().array().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('bids_live_idx')
      .on(t.packageId, t.agencyId)
      .where(sql`${t.status} = 'submitted'`),
    index('bids_package_idx').on(t.packageId, t.createdAt, t.id),
    index('bids_agency_idx').on(t.agencyId, t.createdAt, t.id),
  ],
);

/** Cases placed with one agency for a term (DESIGN §2 委托), from an award or an accepted offer. */
export const commissions = pgTable(
  'commissions',
  {
    id: uuid().primaryKey().defaultRandom(),
    packageId: uuid()
      .notNull()
      .references(() => packages.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    bidId: uuid().references(() => bids.id),
    feeBp: integer().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    status: commissionStatus().notNull().default('active'),
    /** What share of the package it holds: all, some provinces or buckets, or a count of cases. */
    share: jsonb()
      .$type<
        | { kind: 'all' }
        | { kind: 'provinces'; provinces: string[] }
        | { kind: 'buckets'; buckets: number[] }
        | { kind: 'count'; count: number }
      >()
      .notNull(),
    caseCount: integer().notNull(),
    totalOverdue: bigint({ mode: 'number' }).notNull(),
    endedAt: ts(),
    /** While the agency is suspended the creditor may freeze the commission: no action on its cases until unfrozen. */
    frozenAt: ts(),
    ...timestamps,
  },
  (t) => [
    index('commissions_agency_idx').on(t.agencyId, t.status),
    index('commissions_package_idx').on(t.packageId),
    index('commissions_creditor_idx').on(t.creditorId, t.status),
  ],
);

export type Package = typeof packages.$inferSelect;
export type Bid = typeof bids.$inferSelect;
export type Commission = typeof commissions.$inferSelect;
