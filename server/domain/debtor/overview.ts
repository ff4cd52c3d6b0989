import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { OPEN_CASE_STATUSES, type ActionChannel } from '@/lib/enums';
import { caseHolds, cases, commissions, organizations, users } from '@/db/schema';
import { DomainError } from '../../errors';
import { pairedAction } from '../calls/pairing';
import { rulebookInForce } from '../rules/publish';
import { executeRows } from '../shared/execute';
import { daysOverdueNow } from '../work/case-access';
import { contactChoiceInForce } from './contact-choice';
import type { DebtorSessionView } from './verify';

// What a verified debtor sees of their own case (issue 20): who lent and how much is owed
// as of today, which admitted agency holds the case and under which rules, the collector's
// work number (never a name), and how often they were contacted in the last 7 days.

const WEEK_MS = 7 * 86_400_000;

/** Contacts of the last 7 days by channel: logged actions, and dialer records nobody logged (a contact all the same). */
const contactsOf = async (db: DbOrTx, caseId: string, now: Date) => {
  const since = new Date(now.getTime() - WEEK_MS).toISOString();
  const rows = await executeRows<{ channel: ActionChannel; n: number }>(
    db,
    sql`
      select channel, sum(n)::int as n from (
        select a.channel::text as channel, count(*) as n from case_actions a
        where a.case_id = ${caseId}::uuid and a.corrects_id is null and a.at >= ${since}::timestamptz
        group by a.channel
        union all
        select r.kind::text as channel, count(*) as n from call_records r
        where r.case_id = ${caseId}::uuid and r.direction = 'outbound' and r.started_at >= ${since}::timestamptz
          and not ${pairedAction()}
        group by r.kind
      ) t group by channel order by channel`,
  );
  return rows.map((r) => ({ channel: r.channel, count: Number(r.n) }));
};

export const debtorOverview = async (db: DbOrTx, session: DebtorSessionView, now = new Date()) => {
  const [row] = await db
    .select({
      c: cases,
      creditorName: organizations.name,
    })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.creditorId))
    .where(eq(cases.id, session.caseId));
  if (!row) throw new DomainError('case.notFound');
  const { c } = row;
  // The agency holding the case under a live commission, if any, and the collector's work number.
  const [held] = c.commissionId
    ? await db
        .select({
          agencyId: organizations.id,
          agencyName: organizations.name,
          status: organizations.status,
          tier: organizations.tier,
          admissionExpiresAt: organizations.admissionExpiresAt,
          endsOn: commissions.endsOn,
        })
        .from(commissions)
        .innerJoin(organizations, eq(organizations.id, commissions.agencyId))
        .where(and(eq(commissions.id, c.commissionId), eq(commissions.status, 'active')))
    : [];
  const [collector] =
    held && c.collectorId
      ? await db
          .select({ workNo: users.workNo })
          .from(users)
          .where(and(eq(users.id, c.collectorId), eq(users.orgId, held.agencyId)))
      : [];
  const [contacts, rulebook, [hold], contactChoice] = await Promise.all([
    contactsOf(db, c.id, now),
    rulebookInForce(db),
    db
      .select({ kind: caseHolds.kind, origin: caseHolds.origin, answerDueAt: caseHolds.answerDueAt })
      .from(caseHolds)
      .where(and(eq(caseHolds.caseId, c.id), eq(caseHolds.status, 'open'))),
    contactChoiceInForce(db, c.id),
  ]);
  return {
    contractNo: c.contractNo,
    debtorName: c.debtorName,
    creditorName: row.creditorName,
    loanAmount: c.loanAmount,
    principalOutstanding: c.principalOutstanding,
    amountOverdue: c.amountOverdue,
    repaidAmount: c.repaidAmount,
    daysOverdue: daysOverdueNow(c, now),
    status: c.status,
    agency: held
      ? {
          name: held.agencyName,
          status: held.status,
          tier: held.tier,
          admissionExpiresAt: held.admissionExpiresAt,
          commissionEndsOn: held.endsOn,
          collectorWorkNo: collector?.workNo ?? null,
        }
      : null,
    contacts,
    /** Collection paused (a dispute, a reported death) until the creditor answers. */
    hold: hold ?? null,
    isOpen: (OPEN_CASE_STATUSES as readonly string[]).includes(c.status),
    contactChoice,
    rules: {
      version: rulebook.rules.version,
      windowStartMinutes: rulebook.rules.windowStartMinutes,
      windowEndMinutes: rulebook.rules.windowEndMinutes,
      maxAnsweredCallsPerDebtorPerDay: rulebook.rules.maxAnsweredCallsPerDebtorPerDay,
      maxUnansweredCallsPerNumberPerDay: rulebook.rules.maxUnansweredCallsPerNumberPerDay,
      contactAfterFailedAttempts: rulebook.rules.contactAfterFailedAttempts,
    },
    sessionExpiresAt: session.expiresAt,
  };
};
export type DebtorOverview = Awaited<ReturnType<typeof debtorOverview>>;
