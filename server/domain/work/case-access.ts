import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cases, commissions, packages, type CaseRow } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { daysOverdueOn } from '@/lib/cases';
import type { StagePolicy } from '@/lib/stage-policy';
import { SHANGHAI_TIME_ZONE, shanghaiDate } from '@/lib/dates';
import { DomainError } from '../../errors';

// Which cases an agency user may work (DESIGN §1, §3): only while commissioned to the
// user's agency; collectors only their own. From the moment of a recall or the term's
// end the case answers NOT_FOUND, like any other organization's. While the creditor has
// frozen the commission (its agency under a sanction suspension) the case can be read but
// not worked: no action, visit, repayment report or restructuring request.

export type WorkCase = {
  row: CaseRow;
  packageChannels: string[];
  /** The package's own stage policy, if it sets one. */
  packageStagePolicy: StagePolicy | null;
  commissionEndsOn: string;
  commissionFrozenAt: Date | null;
  packageName: string;
  maxReductionBp: number;
  maxInstalments: number;
};

/** The cases the caller's agency works now: commissioned to it, the commission active; collectors only their own. */
const workedBy = (caller: Caller, caseId: string) =>
  and(
    eq(cases.id, caseId),
    eq(cases.agencyId, caller.actor.orgId),
    isNotNull(cases.commissionId),
    eq(commissions.status, 'active'),
    hasPermission(caller.actor, 'cases.assign') ? undefined : eq(cases.collectorId, caller.actor.userId),
  );

/** Whether the caller works the case now (as loadWorkCase decides), for what hangs on it: its evidence, its receipts. */
export const worksCase = async (db: DbOrTx, caller: Caller, caseId: string): Promise<boolean> => {
  if (caller.actor.orgType !== 'agency' || !hasPermission(caller.actor, 'cases.work')) return false;
  const [found] = await db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(commissions, eq(commissions.id, cases.commissionId))
    .where(workedBy(caller, caseId))
    .limit(1);
  return found !== undefined;
};

export const loadWorkCase = async (
  db: DbOrTx,
  caller: Caller,
  caseId: string,
  forUpdate = false,
): Promise<WorkCase> => {
  const query = db
    .select({
      row: cases,
      packageChannels: packages.allowedChannels,
      packageStagePolicy: packages.stagePolicy,
      commissionEndsOn: commissions.endsOn,
      commissionFrozenAt: commissions.frozenAt,
      packageName: packages.name,
      maxReductionBp: packages.maxReductionBp,
      maxInstalments: packages.maxInstalments,
    })
    .from(cases)
    .innerJoin(commissions, eq(commissions.id, cases.commissionId))
    .innerJoin(packages, eq(packages.id, commissions.packageId))
    .where(workedBy(caller, caseId));
  const [found] = forUpdate ? await query.for('update', { of: cases }) : await query;
  if (!found) throw new DomainError('case.notFound', { field: 'caseId' });
  return found;
};

/** The case to act on, locked unless said otherwise: refused while its commission is frozen. */
export const loadCaseToAct = async (
  db: DbOrTx,
  caller: Caller,
  caseId: string,
  forUpdate = true,
): Promise<WorkCase> => {
  const c = await loadWorkCase(db, caller, caseId, forUpdate);
  if (c.commissionFrozenAt) throw new DomainError('case.frozen', { field: 'caseId' });
  return c;
};

/**
 * Days overdue on the Beijing day of `now`, counted from the first payment the debtor has
 * not made (under an approved plan, its first unpaid line; none while current).
 */
export const daysOverdueNow = (c: Pick<CaseRow, 'overdueSince'>, now: Date) =>
  daysOverdueOn(c.overdueSince, shanghaiDate(now));

export const DEFAULT_TIME_ZONE = SHANGHAI_TIME_ZONE;
