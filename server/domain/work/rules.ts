import { and, desc, eq, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ActionChannel, ActionTarget } from '@/lib/enums';
import { callRecords, caseActions, caseHolds, contactRequests, ruleSets } from '@/db/schema';
import { CALL_PAIRING_AFTER_MS, CALL_PAIRING_BEFORE_MS } from '@/lib/call-records';
import { dayNumberOf } from '@/lib/working-calendar';
import { loadWorkingCalendar } from '../calendar/calendar';
import { localTime } from '../rules/zone';
import { DomainError } from '../../errors';
import { checkContact, type PastAction, type Verdict } from '../rules/engine';
import { readRuleSet, type RuleSet } from '../rules/rulebook';
import { DEFAULT_TIME_ZONE, daysOverdueNow, type WorkCase } from './case-access';

/** The newest published rulebook. */
export const activeRules = async (db: DbOrTx): Promise<RuleSet> => {
  const [row] = await db.select().from(ruleSets).orderBy(desc(ruleSets.version)).limit(1);
  if (!row) throw new Error('no rulebook published');
  return readRuleSet(row.rules);
};

export type ContactIntent = {
  channel: ActionChannel;
  target: ActionTarget;
  /** 0-based for the debtor's numbers, 1-based contact number for contacts. */ index: number;
  note?: string | undefined;
};

/** The number an intent uses: one of the debtor's, or contact n's. Its blind index and mask only. */
export const numberOf = (c: WorkCase, intent: ContactIntent): { idx: string; masked: string } | null => {
  if (intent.target === 'debtor') {
    const phone = c.row.phones[intent.index];
    if (!phone) throw new DomainError('action.numberNotFound', { field: 'index' });
    // A retired number keeps its place (past actions name it) but is no longer dialled.
    if (phone.retiredAt)
      throw new DomainError('action.numberRetired', { field: 'index', values: { number: phone.masked } });
    return { idx: phone.idx, masked: phone.masked };
  }
  const contact = c.row.contacts[intent.index - 1];
  if (!contact) throw new DomainError('action.numberNotFound', { field: 'index' });
  return { idx: contact.phone.idx, masked: contact.phone.masked };
};

/** Calls looked back on for the consecutive-failure rule. */
const RECENT_CALLS = 50;
/** A local day in any time zone lies inside the last 50 hours. */
const DAY_WINDOW_MS = 50 * 3_600_000;

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
type RecordRow = {
  id: string;
  at: Date;
  endedAt: Date | null;
  target: 'debtor' | 'contact' | null;
  phoneIdx: string;
  disposition: string;
};
type ActionRow = {
  id: string;
  at: Date;
  channel: ActionChannel;
  target: ActionTarget;
  phoneIdx: string | null;
  outcome: PastAction['outcome'];
};

/** Whether a logged call and a dialer's record are the same contact (lib/call-records.ts). */
const pairs = (a: { at: Date; phoneIdx: string | null }, r: RecordRow) =>
  a.phoneIdx === r.phoneIdx &&
  a.at.getTime() >= r.at.getTime() - CALL_PAIRING_BEFORE_MS &&
  a.at.getTime() <= (r.endedAt ?? r.at).getTime() + CALL_PAIRING_AFTER_MS;

/** A dialer's record as the rule engine reads a past contact. */
const asPast = (r: RecordRow): PastAction & { id: string } => ({
  id: r.id,
  at: r.at,
  channel: 'call',
  target: r.target ?? 'contact',
  phoneIdx: r.phoneIdx,
  outcome: r.disposition === 'answered' ? 'answered' : 'unanswered',
});

/**
 * The calls the rules count: the collectors' logged calls and the dialers' records, one
 * contact counted once (a logged call paired with a record is the record). When a logged
 * action is being checked (`loggingAt`), the record of that very call, sent before the
 * collector logged it, is not counted a second time.
 */
const mergeHistory = (
  actions: readonly ActionRow[],
  records: readonly RecordRow[],
  logging: { idx: string; at: Date } | null,
): (PastAction & { id: string })[] => {
  const seen = new Set<string>();
  const uniqueRecords = records.filter((r) => !seen.has(r.id) && seen.add(r.id));
  const kept = actions.filter((a) => !seen.has(a.id) && seen.add(a.id) && !uniqueRecords.some((r) => pairs(a, r)));
  const unpaired = uniqueRecords.filter((r) => !actions.some((a) => pairs(a, r)));
  const same = logging
    ? unpaired
        .filter((r) => pairs({ at: logging.at, phoneIdx: logging.idx }, r))
        .sort((x, y) => y.at.getTime() - x.at.getTime())[0]
    : undefined;
  return [...kept, ...uniqueRecords.filter((r) => r !== same).map(asPast)].sort(
    (x, y) => y.at.getTime() - x.at.getTime(),
  );
};

/** The number, channel and party of a contact: an intent resolved to a number, or a dialer's record. */
export type ContactAt = {
  channel: ActionChannel;
  target: ActionTarget;
  number: { idx: string } | null;
  note?: string | undefined;
  /** A dialer's record being checked (its own time is `now`), rather than an action being logged. */
  recordId?: string | undefined;
};

/**
 * Runs the rulebook for an intended contact now. The history is read so that nothing can
 * push it out of view: every call to the debtor in the last two days (the daily caps),
 * the debtor's latest calls (the consecutive-failure rule), every call to the number used
 * in the last two days whoever's debt it was (a contact shared by two debtors is one
 * person), and whether the number's owner ever refused, on any case. Calls are those
 * logged and those the dialers recorded (mergeHistory), all before `now`.
 */
export const verdictFor = async (
  db: DbOrTx,
  c: WorkCase,
  intent: ContactIntent,
  now: Date,
  rules?: RuleSet,
): Promise<Verdict> => {
  const number =
    intent.channel === 'call' || intent.channel === 'sms' || intent.target === 'contact' ? numberOf(c, intent) : null;
  return verdictAt(db, c, { channel: intent.channel, target: intent.target, number, note: intent.note }, now, rules);
};

/** The rulebook's verdict on a contact with a resolved number at `now` (a logged action's, or a dialer record's own time). */
export const verdictAt = async (
  db: DbOrTx,
  c: WorkCase,
  contact: ContactAt,
  now: Date,
  rules?: RuleSet,
): Promise<Verdict> => {
  const ruleSet = rules ?? (await activeRules(db));
  const { number } = contact;
  const since = new Date(now.getTime() - DAY_WINDOW_MS);
  // A dialer's record is checked against what happened before it; a contact being logged
  // now against everything on record.
  const before = contact.recordId ? now : null;
  const actionBefore = before ? lt(caseActions.at, before) : undefined;
  const recordBefore = before ? lt(callRecords.startedAt, before) : undefined;
  const debtorCalls = and(eq(caseActions.debtorIdx, c.row.idNumberIdx), eq(caseActions.channel, 'call'), actionBefore);
  const debtorRecords = and(
    eq(callRecords.debtorIdx, c.row.idNumberIdx),
    eq(callRecords.kind, 'call'),
    eq(callRecords.direction, 'outbound'),
    recordBefore,
  );
  const [
    recentDays,
    latest,
    numberCalls,
    recentRecords,
    latestRecords,
    numberRecords,
    refused,
    wrongPerson,
    hold,
    request,
  ] = await Promise.all([
    db
      .select(ACTION_COLUMNS)
      .from(caseActions)
      .where(and(debtorCalls, gte(caseActions.at, since))),
    db.select(ACTION_COLUMNS).from(caseActions).where(debtorCalls).orderBy(desc(caseActions.at)).limit(RECENT_CALLS),
    number
      ? db
          .select(ACTION_COLUMNS)
          .from(caseActions)
          .where(
            and(
              eq(caseActions.phoneIdx, number.idx),
              eq(caseActions.channel, 'call'),
              gte(caseActions.at, since),
              actionBefore,
            ),
          )
      : Promise.resolve([]),
    db
      .select(RECORD_COLUMNS)
      .from(callRecords)
      .where(and(debtorRecords, gte(callRecords.startedAt, since))),
    db
      .select(RECORD_COLUMNS)
      .from(callRecords)
      .where(debtorRecords)
      .orderBy(desc(callRecords.startedAt))
      .limit(RECENT_CALLS),
    number
      ? db
          .select(RECORD_COLUMNS)
          .from(callRecords)
          .where(
            and(
              eq(callRecords.partyIdx, number.idx),
              eq(callRecords.kind, 'call'),
              eq(callRecords.direction, 'outbound'),
              gte(callRecords.startedAt, since),
              recordBefore,
            ),
          )
      : Promise.resolve([]),
    number
      ? db
          .select({ phoneIdx: caseActions.phoneIdx })
          .from(caseActions)
          .where(
            and(
              eq(caseActions.phoneIdx, number.idx),
              eq(caseActions.target, 'contact'),
              eq(caseActions.outcome, 'refused'),
              actionBefore,
            ),
          )
          .limit(1)
      : Promise.resolve([]),
    // On this case, the number reached someone who is not the person, and no correction says otherwise.
    number
      ? db
          .select({ phoneIdx: caseActions.phoneIdx })
          .from(caseActions)
          .where(
            and(
              eq(caseActions.caseId, c.row.id),
              eq(caseActions.phoneIdx, number.idx),
              eq(caseActions.outcome, 'wrong_person'),
              actionBefore,
              sql`not exists (select 1 from ${caseActions} fix where fix.corrects_id = ${caseActions.id})`,
            ),
          )
          .limit(1)
      : Promise.resolve([]),
    contact.recordId ? holdAt(db, c.row.id, now) : openHoldOf(db, c.row.id),
    contactRequestOf(db, c.row.id, before ?? undefined),
  ]);
  const timeZone = c.row.timeZone ?? DEFAULT_TIME_ZONE;
  // Quiet hours asked for working days only need the working calendar (holidays, make-up days).
  const isWorkingDay = request?.quietWorkdaysOnly
    ? (await loadWorkingCalendar(db)).isWorkingDay(dayNumberOf(localTime(now, timeZone).date))
    : undefined;
  const logging = !contact.recordId && number && contact.channel === 'call' ? { idx: number.idx, at: now } : null;
  const history = mergeHistory([...recentDays, ...latest], [...recentRecords, ...latestRecords], logging);
  const numberHistory = mergeHistory(numberCalls, numberRecords, logging);
  return checkContact(ruleSet, {
    now,
    timeZone,
    channel: contact.channel,
    target: contact.target,
    phoneIdx: number?.idx ?? null,
    packageChannels: c.packageChannels,
    packageStagePolicy: c.packageStagePolicy,
    daysOverdue: daysOverdueNow(c.row, now),
    history,
    numberHistory,
    debtorPhoneIdxs: c.row.phones.map((p) => p.idx),
    refusedPhoneIdxs: refused.map((r) => r.phoneIdx ?? ''),
    wrongPersonPhoneIdxs: wrongPerson.map((r) => r.phoneIdx ?? ''),
    hold: hold ?? null,
    debtorRequest: request ?? null,
    isWorkingDay,
    note: contact.note,
  });
};

/** The hold that stood on the case at a past moment (a dialer's record checked after the fact). */
const holdAt = async (db: DbOrTx, caseId: string, at: Date) => {
  const [hold] = await db
    .select({ id: caseHolds.id, kind: caseHolds.kind, answerDueAt: caseHolds.answerDueAt })
    .from(caseHolds)
    .where(
      and(
        eq(caseHolds.caseId, caseId),
        lte(caseHolds.raisedAt, at),
        or(eq(caseHolds.status, 'open'), isNull(caseHolds.decidedAt), gte(caseHolds.decidedAt, at)),
      ),
    )
    .orderBy(desc(caseHolds.raisedAt))
    .limit(1);
  return hold;
};

/** The case's open hold, if any (a case holds at most one). */
export const openHoldOf = async (db: DbOrTx, caseId: string) => {
  const [hold] = await db
    .select({ id: caseHolds.id, kind: caseHolds.kind, answerDueAt: caseHolds.answerDueAt })
    .from(caseHolds)
    .where(and(eq(caseHolds.caseId, caseId), eq(caseHolds.status, 'open')));
  return hold;
};

/** The debtor's contact request in force on the case (at a moment, if given): its newest. */
export const contactRequestOf = async (db: DbOrTx, caseId: string, at?: Date) => {
  const [request] = await db
    .select()
    .from(contactRequests)
    .where(and(eq(contactRequests.caseId, caseId), at ? lte(contactRequests.at, at) : undefined))
    .orderBy(desc(contactRequests.at), desc(contactRequests.id))
    .limit(1);
  return request;
};
