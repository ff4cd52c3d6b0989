import {
  ANSWERED_OUTCOMES,
  FAILED_OUTCOMES,
  PACKAGE_CHANNEL_OF,
  TIMED_CHANNELS,
  type ActionChannel,
  type ActionOutcome,
  type PhraseCategory,
  type RuleSet,
} from './rulebook';
import type { CaseHoldKind } from '@/lib/enums';
import { formatMinutes } from '@/lib/contact-requests';
import { strictest, type StagePolicy } from '@/lib/stage-policy';
import { matchFamilies } from './phrase-families';
import { addDays, localTime, nextDate, zonedInstant } from './zone';

const localDateTime = (at: Date, timeZone: string) => {
  const l = localTime(at, timeZone);
  return `${l.date} ${formatMinutes(l.minutes)}`;
};

// The rule engine: pure, so that every rule can be pinned at its boundaries. It answers
// one question — may this contact happen now — with the hard rules broken (the action is
// refused, with when it may happen next) and the soft ones (saved with a flag).

export type PastAction = {
  at: Date;
  channel: ActionChannel;
  target: 'debtor' | 'contact';
  phoneIdx: string | null;
  outcome: ActionOutcome;
};

export type ContactCheck = {
  now: Date;
  timeZone: string;
  channel: ActionChannel;
  target: 'debtor' | 'contact';
  /** Blind index of the number used (calls and SMS). */
  phoneIdx: string | null;
  /** What the package allows (DESIGN §4: a creditor may tighten, never loosen). */
  packageChannels: readonly string[];
  /** The package's own stage policy, if it sets one: the stricter of it and the rulebook's applies. */
  packageStagePolicy?: StagePolicy | null | undefined;
  daysOverdue: number;
  /** This debtor's actions, newest first: today's in full, and enough before for the consecutive-failure rule. */
  history: readonly PastAction[];
  /** Calls to the number used (whoever's case), if known; otherwise the debtor's history is used. */
  numberHistory?: readonly PastAction[];
  /** Blind indexes of the debtor's own numbers. */
  debtorPhoneIdxs: readonly string[];
  /** Blind indexes of contacts' numbers whose owner refused to be contacted. */
  refusedPhoneIdxs: readonly string[];
  /** Blind indexes of this case's numbers answered by someone who is not the person (wrong person), not since corrected. */
  wrongPersonPhoneIdxs?: readonly string[];
  /** An open hold on the case (debtor reported deceased, debt disputed): no contact until the creditor answers. */
  hold?: { kind: CaseHoldKind; answerDueAt: Date } | null | undefined;
  /** The debtor's own contact request in force on the case. */
  debtorRequest?: DebtorContactTerms | null | undefined;
  /** Whether the debtor's local day is a working day (quiet hours asked for working days only). */
  isWorkingDay?: boolean | undefined;
  note?: string | undefined;
};

/** What a debtor asked about being contacted (lib/contact-requests.ts). */
export type DebtorContactTerms = {
  stoppedChannels: readonly ActionChannel[];
  /** Quiet hours [from, to) in local minutes of the day; from > to runs past midnight (the debtor's "only between"). */
  quietFrom: number | null;
  quietTo: number | null;
  quietWorkdaysOnly: boolean;
};

export const HARD_RULES = [
  'window',
  'answeredCap',
  'unansweredCap',
  'contactTooEarly',
  'contactRefused',
  'channelNotAllowed',
  'stageTooEarly',
  'stageClosed',
  'wrongPerson',
  'caseDeceased',
  'caseDisputed',
  'debtorStoppedChannel',
  'debtorQuietHours',
] as const;
export type HardRule = (typeof HARD_RULES)[number];
// The two stage flags are no longer raised (the stage policy is a hard rule); actions
// recorded under them keep their flags.
export const SOFT_RULES = ['forbiddenPhrase', 'remindersOnlyStage', 'earlyEscalation'] as const;
export type SoftRule = (typeof SOFT_RULES)[number];

export type Violation = { rule: HardRule; nextAllowedAt: Date | null; values?: Record<string, string | number> };
export type Flag = { rule: SoftRule; values?: Record<string, string | number> };
export type Verdict = {
  allowed: boolean;
  violations: Violation[];
  flags: Flag[];
  nextAllowedAt: Date | null;
  ruleVersion: number;
};

const isCall = (a: Pick<PastAction, 'channel'>) => a.channel === 'call';

export type ForbiddenFound = {
  /** The wording that matched, in its normal form (lib/phrase-match.ts). */
  phrase: string;
  category: PhraseCategory;
  familyId: string;
  /** The family's name in Chinese and English, so a message names it in either language. */
  family: string;
  familyEn: string;
};

/** The forbidden-phrase families a text falls into (NIFA 2018), one wording each. */
export const findForbiddenPhrases = (rules: RuleSet, text: string): ForbiddenFound[] =>
  matchFamilies(rules.phraseFamilies, text).map(({ family, phrase }) => ({
    phrase,
    category: family.category,
    familyId: family.id,
    family: family.name,
    familyEn: family.nameEn,
  }));

/**
 * Whether a local minute of the day falls in quiet hours [from, to). With from > to they run
 * past midnight: [from, 24:00) and [00:00, to). That is how "only between A and B" is kept:
 * the debtor's chosen window [A, B) is everything but the quiet hours [B, A).
 */
export const inQuietHours = (minutes: number, from: number, to: number) =>
  from <= to ? minutes >= from && minutes < to : minutes >= from || minutes < to;

export const checkContact = (rules: RuleSet, c: ContactCheck): Verdict => {
  const violations: Violation[] = [];
  const flags: Flag[] = [];
  const local = localTime(c.now, c.timeZone);
  const tomorrowOpen = zonedInstant(nextDate(local.date), rules.windowStartMinutes, c.timeZone);
  const today = c.history.filter((a) => localTime(a.at, c.timeZone).date === local.date);

  // A hold stops collection on the case whatever the channel, until the creditor answers.
  if (c.hold)
    violations.push({
      rule: c.hold.kind === 'deceased' ? 'caseDeceased' : 'caseDisputed',
      nextAllowedAt: null,
      values: { due: localDateTime(c.hold.answerDueAt, c.timeZone) },
    });

  // The debtor's own request: a channel stopped (for the debtor and, so it is not worked
  // around, for the contacts too), and quiet hours in which the debtor is not reached.
  const asked = c.debtorRequest;
  if (asked?.stoppedChannels.includes(c.channel))
    violations.push({ rule: 'debtorStoppedChannel', nextAllowedAt: null });
  if (
    asked &&
    asked.quietFrom !== null &&
    asked.quietTo !== null &&
    c.target === 'debtor' &&
    TIMED_CHANNELS.includes(c.channel) &&
    inQuietHours(local.minutes, asked.quietFrom, asked.quietTo) &&
    (!asked.quietWorkdaysOnly || c.isWorkingDay !== false)
  )
    violations.push({
      rule: 'debtorQuietHours',
      // Past midnight's quiet hours (from > to) end tomorrow when the evening part is the one we are in.
      nextAllowedAt: zonedInstant(
        asked.quietFrom > asked.quietTo && local.minutes >= asked.quietFrom ? nextDate(local.date) : local.date,
        asked.quietTo,
        c.timeZone,
      ),
      values: { from: formatMinutes(asked.quietFrom), to: formatMinutes(asked.quietTo) },
    });

  if (!c.packageChannels.includes(PACKAGE_CHANNEL_OF[c.channel]))
    violations.push({ rule: 'channelNotAllowed', nextAllowedAt: null });

  // 08:00:00 is inside, 22:00:00 is outside: [start, end).
  if (
    TIMED_CHANNELS.includes(c.channel) &&
    (local.minutes < rules.windowStartMinutes || local.minutes >= rules.windowEndMinutes)
  ) {
    const opens =
      local.minutes < rules.windowStartMinutes
        ? zonedInstant(local.date, rules.windowStartMinutes, c.timeZone)
        : tomorrowOpen;
    violations.push({ rule: 'window', nextAllowedAt: opens });
  }

  if (c.channel === 'call') {
    if (c.target === 'debtor') {
      const answered = today.filter(
        (a) => isCall(a) && a.target === 'debtor' && ANSWERED_OUTCOMES.includes(a.outcome),
      ).length;
      if (answered >= rules.maxAnsweredCallsPerDebtorPerDay)
        violations.push({
          rule: 'answeredCap',
          nextAllowedAt: tomorrowOpen,
          values: { max: rules.maxAnsweredCallsPerDebtorPerDay },
        });
    }
    if (c.phoneIdx) {
      const numberToday = (c.numberHistory ?? c.history).filter((a) => localTime(a.at, c.timeZone).date === local.date);
      const unanswered = numberToday.filter(
        (a) => isCall(a) && a.phoneIdx === c.phoneIdx && a.outcome === 'unanswered',
      ).length;
      if (unanswered >= rules.maxUnansweredCallsPerNumberPerDay)
        violations.push({
          rule: 'unansweredCap',
          nextAllowedAt: tomorrowOpen,
          values: { max: rules.maxUnansweredCallsPerNumberPerDay },
        });
    }
  }

  // A number answered by the wrong person is not the debtor's or the contact's on this case.
  if (c.phoneIdx && c.wrongPersonPhoneIdxs?.includes(c.phoneIdx))
    violations.push({ rule: 'wrongPerson', nextAllowedAt: null });

  // The stage policy: each channel and target from its day overdue, or never.
  const from = strictest(rules.stagePolicy, c.packageStagePolicy)[c.channel][c.target];
  if (from === null) violations.push({ rule: 'stageClosed', nextAllowedAt: null });
  // A current case (under a plan not yet due, or paid up) is in the reminder stage: day 1's channels.
  else if (Math.max(c.daysOverdue, 1) < from)
    violations.push({
      rule: 'stageTooEarly',
      nextAllowedAt: zonedInstant(addDays(local.date, from - c.daysOverdue), rules.windowStartMinutes, c.timeZone),
      values: { day: c.daysOverdue, from },
    });

  if (c.target === 'contact') {
    if (c.phoneIdx && c.refusedPhoneIdxs.includes(c.phoneIdx))
      violations.push({ rule: 'contactRefused', nextAllowedAt: null });
    // Third parties: only after N consecutive failed attempts on the debtor, or when every
    // number of the debtor has proved invalid.
    const debtorCalls = c.history.filter((a) => isCall(a) && a.target === 'debtor');
    let failedInARow = 0;
    for (const a of debtorCalls) {
      if (!FAILED_OUTCOMES.includes(a.outcome)) break;
      failedInARow += 1;
    }
    const invalid = new Set(debtorCalls.filter((a) => a.outcome === 'invalid_number').map((a) => a.phoneIdx));
    const allInvalid = c.debtorPhoneIdxs.length > 0 && c.debtorPhoneIdxs.every((p) => invalid.has(p));
    if (failedInARow < rules.contactAfterFailedAttempts && !allInvalid) {
      violations.push({
        rule: 'contactTooEarly',
        nextAllowedAt: null,
        values: { needed: rules.contactAfterFailedAttempts, failed: failedInARow },
      });
    }
  }

  for (const p of findForbiddenPhrases(rules, c.note ?? '')) flags.push({ rule: 'forbiddenPhrase', values: p });

  const waits = violations.map((v) => v.nextAllowedAt);
  const nextAllowedAt =
    violations.length === 0
      ? null
      : waits.some((w) => w === null)
        ? null
        : new Date(Math.max(...waits.map((w) => (w as Date).getTime())));
  return { allowed: violations.length === 0, violations, flags, nextAllowedAt, ruleVersion: rules.version };
};
