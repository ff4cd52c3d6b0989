import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ActionChannel, ActionTarget } from '@/db/enums';
import { caseActions, ruleSets } from '@/db/schema';
import { DomainError } from '../../errors';
import { checkContact, type Verdict } from '../rules/engine';
import type { RuleSet } from '../rules/rulebook';
import { DEFAULT_TIME_ZONE, daysOverdueNow, type WorkCase } from './case-access';

/** The newest published rulebook. */
export const activeRules = async (db: DbOrTx): Promise<RuleSet> => {
  const [row] = await db.select().from(ruleSets).orderBy(desc(ruleSets.version)).limit(1);
  if (!row) throw new Error('no rulebook published');
  return row.rules as unknown as RuleSet;
};

export type ContactIntent = { channel: ActionChannel; target: ActionTarget; /** 0-based for the debtor's numbers, 1-based contact number for contacts. */ index: number; note?: string | undefined };

/** The number an intent uses: one of the debtor's, or contact n's. Its blind index and mask only. */
export const numberOf = (c: WorkCase, intent: ContactIntent): { idx: string; masked: string } | null => {
  if (intent.target === 'debtor') {
    const phone = c.row.phones[intent.index];
    if (!phone) throw new DomainError('action.numberNotFound', { field: 'index' });
    return { idx: phone.idx, masked: phone.masked };
  }
  const contact = c.row.contacts[intent.index - 1];
  if (!contact) throw new DomainError('action.numberNotFound', { field: 'index' });
  return { idx: contact.phone.idx, masked: contact.phone.masked };
};

const HISTORY = 200;

/**
 * Runs the rulebook for an intended contact now: the debtor's recent actions (every
 * agency's: the caps protect the person), refusals by contacts, the package's channels.
 */
export const verdictFor = async (db: DbOrTx, c: WorkCase, intent: ContactIntent, now: Date, rules?: RuleSet): Promise<Verdict> => {
  const ruleSet = rules ?? (await activeRules(db));
  const number = intent.channel === 'call' || intent.channel === 'sms' ? numberOf(c, intent) : null;
  const history = await db
    .select({ at: caseActions.at, channel: caseActions.channel, target: caseActions.target, phoneIdx: caseActions.phoneIdx, outcome: caseActions.outcome })
    .from(caseActions)
    .where(eq(caseActions.debtorIdx, c.row.idNumberIdx))
    .orderBy(desc(caseActions.at))
    .limit(HISTORY);
  const refused = await db
    .selectDistinct({ phoneIdx: caseActions.phoneIdx })
    .from(caseActions)
    .where(and(eq(caseActions.debtorIdx, c.row.idNumberIdx), eq(caseActions.target, 'contact'), eq(caseActions.outcome, 'refused'), sql`${caseActions.phoneIdx} is not null`));
  return checkContact(ruleSet, {
    now,
    timeZone: c.row.timeZone ?? DEFAULT_TIME_ZONE,
    channel: intent.channel,
    target: intent.target,
    phoneIdx: number?.idx ?? (intent.target === 'contact' ? (numberOf(c, intent)?.idx ?? null) : null),
    packageChannels: c.packageChannels,
    daysOverdue: daysOverdueNow(c.row, now),
    history,
    debtorPhoneIdxs: c.row.phones.map((p) => p.idx),
    refusedPhoneIdxs: refused.map((r) => r.phoneIdx ?? ''),
    note: intent.note,
  });
};
