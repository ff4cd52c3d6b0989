import { and, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ActionChannel, ActionTarget } from '@/lib/enums';
import { callRecords, caseActions, caseHolds, contactRequests } from '@/db/schema';
import type { PastAction } from '../rules/engine';
import { executeRows } from '../shared/execute';

// What the rulebook reads of the past for a contact: the debtor's calls of the last two
// days and the latest fifty (logged and recorded), the calls to the number used in the last
// two days whoever's debt it was, whether the number's owner ever refused, whether it
// reached the wrong person on this case, the hold and the debtor's contact request. Read
// for many contacts at once (the dialer's records of a batch: ten queries per chunk, not per
// record) and sliced per contact; a contact with a `before` sees only what happened before
// it, one without (an action logged now) everything on record.

/** Calls looked back on for the consecutive-failure rule. */
export const RECENT_CALLS = 50;
/** A local day in any time zone lies inside the last 50 hours. */
const DAY_WINDOW_MS = 50 * 3_600_000;

export type ActionRow = {
  id: string;
  at: Date;
  channel: ActionChannel;
  target: ActionTarget;
  phoneIdx: string | null;
  outcome: PastAction['outcome'];
};
export type RecordRow = {
  id: string;
  at: Date;
  endedAt: Date | null;
  target: 'debtor' | 'contact' | null;
  phoneIdx: string;
  disposition: string;
};
type Hold = { id: string; kind: typeof caseHolds.$inferSelect.kind; answerDueAt: Date };
type Request = typeof contactRequests.$inferSelect;

export type PastQuery = {
  caseId: string;
  debtorIdx: string;
  numberIdx: string | null;
  /** The contact's own time (the window of the daily caps ends here). */
  now: Date;
  /** A dialer's record: only what happened before it counts, holds and requests as they stood then. */
  before: Date | null;
};

export type ContactPast = {
  /** The debtor's logged calls: the last two days and the latest fifty. */
  actions: ActionRow[];
  records: RecordRow[];
  /** Calls to the number used, the last two days. */
  numberActions: ActionRow[];
  numberRecords: RecordRow[];
  refused: boolean;
  wrongPerson: boolean;
  hold: Hold | null;
  request: Request | null;
};

const ACTION_COLUMNS = {
  id: caseActions.id,
  at: caseActions.at,
  channel: caseActions.channel,
  target: caseActions.target,
  phoneIdx: caseActions.phoneIdx,
  outcome: caseActions.outcome,
};
const RECORD_COLUMNS = {
  id: callRecords.id,
  at: callRecords.startedAt,
  endedAt: callRecords.endedAt,
  target: callRecords.target,
  phoneIdx: callRecords.partyIdx,
  disposition: callRecords.disposition,
};

const unique = <T>(list: readonly (T | null)[]) => [...new Set(list.filter((x): x is T => x !== null))];
const groupBy = <T>(rows: readonly T[], key: (row: T) => string) => {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
};
const newestFirst = (x: { at: Date }, y: { at: Date }) => y.at.getTime() - x.at.getTime();

const debtorList = (debtorIdxs: readonly string[]) =>
  sql`unnest(array[${sql.join(
    debtorIdxs.map((idx) => sql`${idx}`),
    sql`, `,
  )}]::text[]) d(idx)`;
const until = (column: string, at: Date | null) =>
  at ? sql`and ${sql.raw(column)} < ${at.toISOString()}::timestamptz` : sql``;

/** Each debtor's latest fifty logged calls before `at` (of all time without): a scan of the (debtor, time) index per debtor. */
const latestActionsOf = async (db: DbOrTx, debtorIdxs: readonly string[], at: Date | null) =>
  (
    await executeRows<Omit<ActionRow, 'at'> & { at: Date | string; debtorIdx: string }>(
      db,
      sql`select x.* from ${debtorList(debtorIdxs)} cross join lateral (
            select a.id, a.at, a.channel, a.target, a.phone_idx as "phoneIdx", a.outcome, a.debtor_idx as "debtorIdx"
              from case_actions a
             where a.debtor_idx = d.idx and a.channel = 'call' ${until('a.at', at)}
             order by a.at desc limit ${RECENT_CALLS}) x`,
    )
  ).map((r) => ({ ...r, at: new Date(r.at) }));

/** Each debtor's latest fifty recorded outbound calls before `at` (of all time without). */
const latestRecordsOf = async (db: DbOrTx, debtorIdxs: readonly string[], at: Date | null) =>
  (
    await executeRows<
      Omit<RecordRow, 'at' | 'endedAt'> & { at: Date | string; endedAt: Date | string | null; debtorIdx: string }
    >(
      db,
      sql`select x.* from ${debtorList(debtorIdxs)} cross join lateral (
            select r.id, r.started_at as at, r.ended_at as "endedAt", r.target, r.party_idx as "phoneIdx",
                   r.disposition, r.debtor_idx as "debtorIdx"
              from call_records r
             where r.debtor_idx = d.idx and r.kind = 'call' and r.direction = 'outbound' ${until('r.started_at', at)}
             order by r.started_at desc limit ${RECENT_CALLS}) x`,
    )
  ).map((r) => ({ ...r, at: new Date(r.at), endedAt: r.endedAt ? new Date(r.endedAt) : null }));

/** The past of each contact, in the order asked. */
export const loadPast = async (db: DbOrTx, queries: readonly PastQuery[]): Promise<ContactPast[]> => {
  if (queries.length === 0) return [];
  const debtorIdxs = unique(queries.map((q) => q.debtorIdx));
  const numberIdxs = unique(queries.map((q) => q.numberIdx));
  const caseIds = unique(queries.map((q) => q.caseId));
  const from = new Date(Math.min(...queries.map((q) => q.now.getTime())) - DAY_WINDOW_MS);
  // Every contact's history ends before its own time; one logged now sees all there is.
  const open = queries.some((q) => !q.before);
  const last = open ? null : new Date(Math.max(...queries.map((q) => (q.before ?? q.now).getTime())));
  const earliest = open ? null : new Date(Math.min(...queries.map((q) => (q.before ?? q.now).getTime())));
  const actionsUntil = last ? lt(caseActions.at, last) : undefined;
  const recordsUntil = last ? lt(callRecords.startedAt, last) : undefined;
  const debtorCalls = and(inArray(caseActions.debtorIdx, debtorIdxs), eq(caseActions.channel, 'call'), actionsUntil);
  const debtorRecords = and(
    inArray(callRecords.debtorIdx, debtorIdxs),
    eq(callRecords.kind, 'call'),
    eq(callRecords.direction, 'outbound'),
    recordsUntil,
  );
  const [
    recentActions,
    latestActions,
    recentRecords,
    latestRecords,
    numberActions,
    numberRecords,
    refused,
    wrongPerson,
    holds,
    requests,
  ] = await Promise.all([
    db
      .select({ ...ACTION_COLUMNS, debtorIdx: caseActions.debtorIdx })
      .from(caseActions)
      .where(and(debtorCalls, gte(caseActions.at, from))),
    latestActionsOf(db, debtorIdxs, earliest),
    db
      .select({ ...RECORD_COLUMNS, debtorIdx: callRecords.debtorIdx })
      .from(callRecords)
      .where(and(debtorRecords, gte(callRecords.startedAt, from))),
    latestRecordsOf(db, debtorIdxs, earliest),
    numberIdxs.length > 0
      ? db
          .select(ACTION_COLUMNS)
          .from(caseActions)
          .where(
            and(
              inArray(caseActions.phoneIdx, numberIdxs),
              eq(caseActions.channel, 'call'),
              gte(caseActions.at, from),
              actionsUntil,
            ),
          )
      : Promise.resolve([]),
    numberIdxs.length > 0
      ? db
          .select(RECORD_COLUMNS)
          .from(callRecords)
          .where(
            and(
              inArray(callRecords.partyIdx, numberIdxs),
              eq(callRecords.kind, 'call'),
              eq(callRecords.direction, 'outbound'),
              gte(callRecords.startedAt, from),
              recordsUntil,
            ),
          )
      : Promise.resolve([]),
    // The first refusal by each number's owner, on any case.
    numberIdxs.length > 0
      ? db
          .select({ phoneIdx: caseActions.phoneIdx, at: sql<Date>`min(${caseActions.at})`.mapWith(caseActions.at) })
          .from(caseActions)
          .where(
            and(
              inArray(caseActions.phoneIdx, numberIdxs),
              eq(caseActions.target, 'contact'),
              eq(caseActions.outcome, 'refused'),
              actionsUntil,
            ),
          )
          .groupBy(caseActions.phoneIdx)
      : Promise.resolve([]),
    // On the case, the number reached someone who is not the person, and no correction says otherwise.
    numberIdxs.length > 0
      ? db
          .select({ caseId: caseActions.caseId, phoneIdx: caseActions.phoneIdx, at: caseActions.at })
          .from(caseActions)
          .where(
            and(
              inArray(caseActions.caseId, caseIds),
              inArray(caseActions.phoneIdx, numberIdxs),
              eq(caseActions.outcome, 'wrong_person'),
              actionsUntil,
              sql`not exists (select 1 from ${caseActions} fix where fix.corrects_id = ${caseActions.id})`,
            ),
          )
      : Promise.resolve([]),
    db
      .select({
        id: caseHolds.id,
        caseId: caseHolds.caseId,
        kind: caseHolds.kind,
        status: caseHolds.status,
        raisedAt: caseHolds.raisedAt,
        decidedAt: caseHolds.decidedAt,
        answerDueAt: caseHolds.answerDueAt,
      })
      .from(caseHolds)
      .where(and(inArray(caseHolds.caseId, caseIds), last ? lte(caseHolds.raisedAt, last) : undefined))
      .orderBy(desc(caseHolds.raisedAt)),
    db
      .select()
      .from(contactRequests)
      .where(and(inArray(contactRequests.caseId, caseIds), last ? lte(contactRequests.at, last) : undefined))
      .orderBy(desc(contactRequests.at), desc(contactRequests.id)),
  ]);
  const actionsOf = groupBy([...recentActions, ...latestActions], (a) => a.debtorIdx);
  const recordsOf = groupBy([...recentRecords, ...latestRecords], (r) => r.debtorIdx ?? '');
  const numberActionsOf = groupBy(numberActions, (a) => a.phoneIdx ?? '');
  const numberRecordsOf = groupBy(numberRecords, (r) => r.phoneIdx);
  const holdsOf = groupBy(holds, (h) => h.caseId);
  const requestsOf = groupBy(requests, (r) => r.caseId);
  return queries.map((q) => {
    const since = q.now.getTime() - DAY_WINDOW_MS;
    const seen = (at: Date) => !q.before || at < q.before;
    const ofDebtor = <T extends { id: string; at: Date }>(rows: readonly T[]) => {
      const before = [...new Map(rows.filter((r) => seen(r.at)).map((r) => [r.id, r])).values()].sort(newestFirst);
      return [...before.filter((r) => r.at.getTime() >= since), ...before.slice(0, RECENT_CALLS)];
    };
    const lastTwoDays = <T extends { at: Date }>(rows: readonly T[]) =>
      rows.filter((r) => seen(r.at) && r.at.getTime() >= since);
    const hold = (holdsOf.get(q.caseId) ?? []).find((h) =>
      q.before
        ? h.raisedAt <= q.before && (h.status === 'open' || !h.decidedAt || h.decidedAt >= q.before)
        : h.status === 'open',
    );
    const request = (requestsOf.get(q.caseId) ?? []).find((r) => !q.before || r.at <= q.before);
    return {
      actions: ofDebtor(actionsOf.get(q.debtorIdx) ?? []),
      records: ofDebtor(recordsOf.get(q.debtorIdx) ?? []),
      numberActions: q.numberIdx ? lastTwoDays(numberActionsOf.get(q.numberIdx) ?? []) : [],
      numberRecords: q.numberIdx ? lastTwoDays(numberRecordsOf.get(q.numberIdx) ?? []) : [],
      refused: q.numberIdx ? refused.some((r) => r.phoneIdx === q.numberIdx && seen(r.at)) : false,
      wrongPerson: q.numberIdx
        ? wrongPerson.some((w) => w.caseId === q.caseId && w.phoneIdx === q.numberIdx && seen(w.at))
        : false,
      hold: hold ? { id: hold.id, kind: hold.kind, answerDueAt: hold.answerDueAt } : null,
      request: request ?? null,
    };
  });
};
