import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseActions, caseFlags, cases, organizations, users } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { maskName } from '../../pii/crypto';
import { executeRows } from '../shared/execute';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { ANSWERED_OUTCOMES } from '../rules/rulebook';

// What a creditor sees of its agencies' work, live (the product promise: creditors watch
// the work as it happens): every action on its cases, and per agency how hard and how
// cleanly they work. Numbers stay masked.

export const listActivity = async (
  db: DbOrTx,
  caller: Caller,
  input: {
    agencyId?: string | undefined;
    isFlaggedOnly?: boolean | undefined;
    cursor?: string | null | undefined;
    limit: number;
  },
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({
      id: caseActions.id,
      at: caseActions.at,
      caseId: caseActions.caseId,
      contractNo: cases.contractNo,
      debtorName: cases.debtorName,
      agencyName: organizations.name,
      actorName: users.name,
      channel: caseActions.channel,
      target: caseActions.target,
      contactNo: caseActions.contactNo,
      phoneMasked: caseActions.phoneMasked,
      outcome: caseActions.outcome,
      note: caseActions.note,
      flags: caseActions.flags,
      correctsId: caseActions.correctsId,
    })
    .from(caseActions)
    .innerJoin(cases, eq(cases.id, caseActions.caseId))
    .innerJoin(organizations, eq(organizations.id, caseActions.agencyId))
    .innerJoin(users, eq(users.id, caseActions.actorId))
    .where(
      and(
        eq(caseActions.creditorId, caller.actor.orgId),
        input.agencyId ? eq(caseActions.agencyId, input.agencyId) : undefined,
        input.isFlaggedOnly ? sql`jsonb_array_length(${caseActions.flags}) > 0` : undefined,
        cursor ? afterCursor(caseActions.at, caseActions.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(caseActions.at), desc(caseActions.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.at, id: r.id }));
  return { items: page.items.map((r) => ({ ...r, debtorName: maskName(r.debtorName) })), nextCursor: page.nextCursor };
};

type IntensityRow = {
  agency_id: string;
  agency_name: string;
  actions: number | string;
  calls: number | string;
  answered: number | string;
  flagged: number | string;
  visits: number | string;
  visit_flags: number | string;
  cases: number | string;
  actors: number | string;
};

/** Per agency since a date: actions, calls and how many reached the debtor, flagged actions, visits and those flagged for missing evidence, cases and staff involved. */
export const agencyIntensity = async (db: DbOrTx, caller: Caller, input: { since: Date }) => {
  const answered = sql.join(
    ANSWERED_OUTCOMES.map((o) => sql`${o}`),
    sql`, `,
  );
  const rows = await executeRows<IntensityRow>(
    db,
    sql`select a.agency_id, o.name as agency_name, count(*) as actions,
          count(*) filter (where a.channel = 'call') as calls,
          count(*) filter (where a.channel = 'call' and a.outcome::text in (${answered})) as answered,
          count(*) filter (where jsonb_array_length(a.flags) > 0) as flagged,
          count(*) filter (where a.channel = 'visit') as visits,
          (select count(*) from ${caseFlags} f
            where f.agency_id = a.agency_id and f.creditor_id = ${caller.actor.orgId} and f.created_at >= ${input.since.toISOString()}::timestamptz) as visit_flags,
          count(distinct a.case_id) as cases, count(distinct a.actor_id) as actors
        from ${caseActions} a join ${organizations} o on o.id = a.agency_id
        where a.creditor_id = ${caller.actor.orgId} and a.at >= ${input.since.toISOString()}::timestamptz
        group by a.agency_id, o.name
        order by count(*) desc`,
  );
  return rows.map((r) => ({
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    actions: Number(r.actions),
    calls: Number(r.calls),
    answered: Number(r.answered),
    flagged: Number(r.flagged),
    visits: Number(r.visits),
    visitFlags: Number(r.visit_flags),
    cases: Number(r.cases),
    actors: Number(r.actors),
  }));
};
