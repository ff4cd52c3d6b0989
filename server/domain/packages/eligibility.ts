import { and, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { TIERS, type Tier } from '@/lib/enums';
import { tierMeets } from '@/lib/market';
import { organizations, packageInvites, packages, type Package } from '@/db/schema';
import { DomainError } from '../../errors';
import { currentScoreSql } from '../scorecards/read';
import { isSuspendedSql, suspensionOf, untilOf } from '../sanctions/standing';

// Who may bid (DESIGN §3, §7, issue: marketplace): an admitted agency (active: not expired,
// suspended or banned) whose tier and current scorecard score meet the package's minimums,
// and, for an invite list, only the invited. A package an agency may not bid on is not
// shown to it at all. An agency under a sanction suspension sees no package and takes no
// bid, offer or award.

/** `scoreBp`: the agency's current scorecard score (its latest card), null before its first card. */
export type AgencyStanding = {
  id: string;
  type: string;
  status: string;
  tier: Tier | null;
  isSuspended: boolean;
  scoreBp: number | null;
};

export const agencyStanding = async (db: DbOrTx, agencyId: string, now = new Date()): Promise<AgencyStanding> => {
  const [org] = await db
    .select({
      id: organizations.id,
      type: organizations.type,
      status: organizations.status,
      tier: organizations.tier,
      isSuspended: isSuspendedSql(organizations.id, now),
      scoreBp: currentScoreSql(organizations.id),
    })
    .from(organizations)
    .where(eq(organizations.id, agencyId));
  if (!org) throw new DomainError('org.notFound');
  return { ...org, scoreBp: org.scoreBp === null ? null : Number(org.scoreBp) };
};

/**
 * A package's minimum score (DESIGN §7: creditors can require one) against the agency's
 * current score: an agency without any scorecard does not meet a minimum, whatever it is,
 * since nothing shows it would; invited agencies are held to it too, like the tier.
 */
export const scoreMeets = (scoreBp: number | null, minScore: number | null): boolean =>
  minScore === null || (scoreBp !== null && scoreBp >= minScore * 100);

/** SQL: packages this agency is in the circle of (tier, minimum score and invitations), whatever their status. */
export const inCircle = (agency: AgencyStanding): SQL => {
  const tiersAllowed = agency.tier ? TIERS.slice(TIERS.indexOf(agency.tier)) : [];
  const tierOk =
    tiersAllowed.length > 0
      ? sql`(${packages.minTier} is null or ${packages.minTier} in (${sql.join(
          tiersAllowed.map((t) => sql`${t}`),
          sql`, `,
        )}))`
      : sql`${packages.minTier} is null`;
  const circleOk = or(
    eq(packages.bidderCircle, 'all'),
    exists(
      sql`(select 1 from ${packageInvites} where ${packageInvites.packageId} = ${packages.id} and ${packageInvites.agencyId} = ${agency.id})`,
    ),
  );
  const scoreOk =
    agency.scoreBp === null
      ? sql`${packages.minScore} is null`
      : sql`(${packages.minScore} is null or ${packages.minScore} * 100 <= ${agency.scoreBp})`;
  return and(tierOk, scoreOk, circleOk) as SQL;
};

export const isInCircle = async (db: DbOrTx, agency: AgencyStanding, pkg: Package): Promise<boolean> => {
  if (!tierMeets(agency.tier, pkg.minTier) || !scoreMeets(agency.scoreBp, pkg.minScore)) return false;
  if (pkg.bidderCircle === 'all') return true;
  const [invite] = await db
    .select({ id: packageInvites.agencyId })
    .from(packageInvites)
    .where(and(eq(packageInvites.packageId, pkg.id), eq(packageInvites.agencyId, agency.id)));
  return Boolean(invite);
};

/** An expired, suspended or not-yet-admitted agency cannot bid or take an offer. */
export const requireAdmitted = (agency: AgencyStanding) => {
  if (agency.status !== 'active')
    throw new DomainError('bid.agencyNotAdmitted', { labels: { status: `orgStatus.${agency.status}` } });
};

/** Under a sanction suspension an agency places or changes no bid and takes no offer (it may still withdraw a bid). */
export const requireNotSuspended = async (db: DbOrTx, agency: AgencyStanding) => {
  const suspension = agency.isSuspended ? await suspensionOf(db, agency.id) : null;
  if (suspension) throw new DomainError('bid.agencySuspended', untilOf(suspension));
};

/** Admitted agencies a creditor may invite or offer a package to, by name. */
export const listAdmittedAgencies = (db: DbOrTx) =>
  db
    .select({ id: organizations.id, name: organizations.name, tier: organizations.tier })
    .from(organizations)
    .where(and(eq(organizations.type, 'agency'), eq(organizations.status, 'active')))
    .orderBy(organizations.name)
    .limit(500);
