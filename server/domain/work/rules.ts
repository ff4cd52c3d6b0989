import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ActionChannel, ActionTarget } from '@/lib/enums';
import { caseActions, caseHolds, contactRequests, ruleSets } from '@/db/schema';
import { dayNumberOf } from '@/lib/working-calendar';
import { loadWorkingCalendar } from '../calendar/calendar';
import { localTime } from '../rules/zone';
import { DomainError } from '../../errors';
import { checkContact, type Verdict } from '../rules/engine';
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

/**
 * Runs the rulebook for an intended contact now. The history is read so that nothing can
 * push it out of view: every call to the debtor in the last two days (the daily caps),
 * the debtor's latest calls (the consecutive-failure rule), every call to the number used
 * in the last two days whoever's debt it was (a contact shared by two debtors is one
 * person), and whether the number's owner ever refused, on any case.
 */
export const verdictFor = async (
  db: DbOrTx,
  c: WorkCase,
  intent: ContactIntent,
  now: Date,
  rules?: RuleSet,
): Promise<Verdict> => {
  const ruleSet = rules ?? (await activeRules(db));
  const number =
    intent.channel === 'call' || intent.channel === 'sms' || intent.target === 'contact' ? numberOf(c, intent) : null;
  const since = new Date(now.getTime() - DAY_WINDOW_MS);
  const debtorCalls = and(eq(caseActions.debtorIdx, c.row.idNumberIdx), eq(caseActions.channel, 'call'));
  const [recentDays, latest, numberCalls, refused, wrongPerson, hold, request] = await Promise.all([
    db
      .select(ACTION_COLUMNS)
      .from(caseActions)
      .where(and(debtorCalls, gte(caseActions.at, since))),
    db.select(ACTION_COLUMNS).from(caseActions).where(debtorCalls).orderBy(desc(caseActions.at)).limit(RECENT_CALLS),
    number
      ? db
          .select(ACTION_COLUMNS)
          .from(caseActions)
          .where(and(eq(caseActions.phoneIdx, number.idx), eq(caseActions.channel, 'call'), gte(caseActions.at, since)))
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
              sql`not exists (select 1 from ${caseActions} fix where fix.corrects_id = ${caseActions.id})`,
            ),
          )
          .limit(1)
      : Promise.resolve([]),
    openHoldOf(db, c.row.id),
    contactRequestOf(db, c.row.id),
  ]);
  const timeZone = c.row.timeZone ?? DEFAULT_TIME_ZONE;
  // Quiet hours asked for working days only need the working calendar (holidays, make-up days).
  const isWorkingDay = request?.quietWorkdaysOnly
    ? (await loadWorkingCalendar(db)).isWorkingDay(dayNumberOf(localTime(now, timeZone).date))
    : undefined;
  const seen = new Set<string>();
  const history = [...recentDays, ...latest]
    .filter((a) => {
      if (seen.has(a.id)) return false;
      seen.add(a.id);
      return true;
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return checkContact(ruleSet, {
    now,
    timeZone,
    channel: intent.channel,
    target: intent.target,
    phoneIdx: number?.idx ?? null,
    packageChannels: c.packageChannels,
    packageStagePolicy: c.packageStagePolicy,
    daysOverdue: daysOverdueNow(c.row, now),
    history,
    numberHistory: numberCalls,
    debtorPhoneIdxs: c.row.phones.map((p) => p.idx),
    refusedPhoneIdxs: refused.map((r) => r.phoneIdx ?? ''),
    wrongPersonPhoneIdxs: wrongPerson.map((r) => r.phoneIdx ?? ''),
    hold: hold ?? null,
    debtorRequest: request ?? null,
    isWorkingDay,
    note: intent.note,
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

/** The debtor's contact request in force on the case: its newest. */
export const contactRequestOf = async (db: DbOrTx, caseId: string) => {
  const [request] = await db
    .select()
    .from(contactRequests)
    .where(eq(contactRequests.caseId, caseId))
    .orderBy(desc(contactRequests.at), desc(contactRequests.id))
    .limit(1);
  return request;
};
