import { and, desc, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ActionChannel, ActionTarget } from '@/lib/enums';
import { caseHolds, contactRequests, ruleSets } from '@/db/schema';
import { CALL_PAIRING_AFTER_MS, CALL_PAIRING_BEFORE_MS } from '@/lib/call-records';
import { dayNumberOf } from '@/lib/working-calendar';
import { loadWorkingCalendar } from '../calendar/calendar';
import { localTime } from '../rules/zone';
import { DomainError } from '../../errors';
import { checkContact, type PastAction, type Verdict } from '../rules/engine';
import { readRuleSet, type RuleSet } from '../rules/rulebook';
import { DEFAULT_TIME_ZONE, daysOverdueNow, type WorkCase } from './case-access';
import { loadPast, type ActionRow, type RecordRow } from './contact-past';

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
  const [verdict] = await verdictsAt(db, [{ c, contact, now }], rules);
  if (!verdict) throw new Error('no verdict');
  return verdict;
};

/**
 * The verdicts on many contacts, their past read at once (loadPast): the dialer's records
 * of a batch, each checked against what happened before its own start, with holds and
 * the debtor's requests as they stood then; an action being logged against everything on
 * record.
 */
export const verdictsAt = async (
  db: DbOrTx,
  contacts: readonly { c: WorkCase; contact: ContactAt; now: Date }[],
  rules?: RuleSet,
): Promise<Verdict[]> => {
  const ruleSet = rules ?? (await activeRules(db));
  const pasts = await loadPast(
    db,
    contacts.map(({ c, contact, now }) => ({
      caseId: c.row.id,
      debtorIdx: c.row.idNumberIdx,
      numberIdx: contact.number?.idx ?? null,
      now,
      before: contact.recordId ? now : null,
    })),
  );
  // Quiet hours asked for working days only need the working calendar (holidays, make-up days).
  const calendar = pasts.some((p) => p.request?.quietWorkdaysOnly) ? await loadWorkingCalendar(db) : null;
  return contacts.map(({ c, contact, now }, i) => {
    const past = pasts[i];
    if (!past) throw new Error('no past');
    const { number } = contact;
    const timeZone = c.row.timeZone ?? DEFAULT_TIME_ZONE;
    const request = past.request;
    const isWorkingDay =
      request?.quietWorkdaysOnly && calendar
        ? calendar.isWorkingDay(dayNumberOf(localTime(now, timeZone).date))
        : undefined;
    const logging = !contact.recordId && number && contact.channel === 'call' ? { idx: number.idx, at: now } : null;
    return checkContact(ruleSet, {
      now,
      timeZone,
      channel: contact.channel,
      target: contact.target,
      phoneIdx: number?.idx ?? null,
      packageChannels: c.packageChannels,
      packageStagePolicy: c.packageStagePolicy,
      daysOverdue: daysOverdueNow(c.row, now),
      history: mergeHistory(past.actions, past.records, logging),
      numberHistory: mergeHistory(past.numberActions, past.numberRecords, logging),
      debtorPhoneIdxs: c.row.phones.map((p) => p.idx),
      refusedPhoneIdxs: past.refused && number ? [number.idx] : [],
      wrongPersonPhoneIdxs: past.wrongPerson && number ? [number.idx] : [],
      hold: past.hold,
      debtorRequest: request,
      isWorkingDay,
      note: contact.note,
    });
  });
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
