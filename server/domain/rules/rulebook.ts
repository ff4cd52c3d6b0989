// The daylight rulebook (DESIGN §4) as data. The platform publishes versions; an action
// records the version it was checked against, so a rule change is auditable and a test
// can pin one version. A creditor's package may tighten it (its allowed channels).

import type { ActionChannel, ActionOutcome } from '@/lib/enums';
import { DEFAULT_STAGE_POLICY, stagePolicyOf, type StagePolicy } from '@/lib/stage-policy';

export { ACTION_CHANNELS, ACTION_OUTCOMES, type ActionChannel, type ActionOutcome } from '@/lib/enums';

/** Outcomes of a call that reached someone: an effective call under the national standard (2025). */
export const ANSWERED_OUTCOMES: readonly ActionOutcome[] = [
  'answered',
  'refused',
  'promise_to_pay',
  'dispute',
  'hardship',
  'deceased',
  'wrong_person',
];
/** Outcomes of an attempt that reached nobody. */
export const FAILED_OUTCOMES: readonly ActionOutcome[] = ['unanswered', 'invalid_number'];

export const PHRASE_CATEGORIES = ['threat', 'insult', 'impersonation', 'disclosure'] as const;
export type PhraseCategory = (typeof PHRASE_CATEGORIES)[number];

export type RuleSet = {
  version: number;
  /** Contacts only inside the window, debtor's local time (national standard 2025; CBA 2026). */
  windowStartMinutes: number;
  windowEndMinutes: number;
  /** Effective (answered) voice calls per debtor per local day (national standard 2025). */
  maxAnsweredCallsPerDebtorPerDay: number;
  /** Unanswered calls to one number per local day (CBA 2026). */
  maxUnansweredCallsPerNumberPerDay: number;
  /** Third parties only after this many consecutive failed attempts on the debtor (national standard 2025). */
  contactAfterFailedAttempts: number;
  /**
   * The stage policy (industry practice, the staged collection of the source articles): the
   * first day overdue each channel may reach the debtor or a contact (lib/stage-policy.ts).
   */
  stagePolicy: StagePolicy;
  /** Threats, insults, impersonation, disclosure to third parties (NIFA 2018): soft in notes, hard in templates. */
  forbiddenPhrases: { phrase: string; category: PhraseCategory }[];
};

/** Channels bound by the contact window: those that reach the person at once. */
export const TIMED_CHANNELS: readonly ActionChannel[] = ['call', 'sms', 'visit'];

/** The package's allowed channels (as the creditor sets them) for each action channel. */
export const PACKAGE_CHANNEL_OF: Record<ActionChannel, 'phone' | 'sms' | 'letter' | 'visit' | 'legal' | 'email'> = {
  call: 'phone',
  sms: 'sms',
  letter: 'letter',
  visit: 'visit',
  lawyer_letter: 'legal',
  email: 'email',
};

/**
 * Version 1 of the platform rulebook, as published by the migration that created the
 * rule table. Tests pin it; the running system reads the newest published version.
 */
export const RULES_V1: RuleSet = {
  version: 1,
  windowStartMinutes: 8 * 60,
  windowEndMinutes: 22 * 60,
  maxAnsweredCallsPerDebtorPerDay: 3,
  maxUnansweredCallsPerNumberPerDay: 6,
  contactAfterFailedAttempts: 3,
  stagePolicy: DEFAULT_STAGE_POLICY,
  forbiddenPhrases: [
    { phrase: '弄死你', category: 'threat' },
    { phrase: '杀了你', category: 'threat' },
    { phrase: '打断你的腿', category: 'threat' },
    { phrase: '找人收拾你', category: 'threat' },
    { phrase: '上门砸', category: 'threat' },
    { phrase: '让你全家', category: 'threat' },
    { phrase: '你等着瞧', category: 'threat' },
    { phrase: '老赖', category: 'insult' },
    { phrase: '畜生', category: 'insult' },
    { phrase: '不要脸', category: 'insult' },
    { phrase: '去死', category: 'insult' },
    { phrase: '我是警察', category: 'impersonation' },
    { phrase: '公安局通知', category: 'impersonation' },
    { phrase: '法院传票', category: 'impersonation' },
    { phrase: '检察院', category: 'impersonation' },
    { phrase: '立案抓捕', category: 'impersonation' },
    { phrase: '冒充律师', category: 'impersonation' },
    { phrase: '爆通讯录', category: 'disclosure' },
    { phrase: '通知你单位', category: 'disclosure' },
    { phrase: '曝光你', category: 'disclosure' },
  ],
};

/**
 * A published version as stored. Versions published before the stage policy was part of the
 * rulebook carried two soft stage days instead; they read with the platform floor's policy,
 * which the engine has enforced for every version since. Nothing published is rewritten.
 */
export const ruleSetOf = (stored: unknown): RuleSet => {
  const {
    remindersOnlyUntilDay: _r,
    escalationFromDay: _e,
    ...rest
  } = stored as RuleSet & {
    remindersOnlyUntilDay?: number;
    escalationFromDay?: number;
  };
  return { ...rest, stagePolicy: stagePolicyOf(rest.stagePolicy) };
};
