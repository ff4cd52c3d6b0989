// The daylight rulebook (DESIGN §4) as data. The platform publishes versions; an action
// records the version it was checked against, so a rule change is auditable and a test
// can pin one version. A creditor's package may tighten it (its allowed channels).

import { PHRASE_CATEGORIES, type ActionChannel, type ActionOutcome, type PhraseCategory } from '@/lib/enums';
import { literalPattern } from '@/lib/phrase-match';
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

export { PHRASE_CATEGORIES, type PhraseCategory } from '@/lib/enums';

/**
 * One kind of forbidden saying in its many wordings (lib/phrase-match.ts for the pattern
 * language), with examples it must and must not catch, checked whenever a version is published.
 */
export type PhraseFamily = {
  /** Stable within the rulebook: `workplace`, `violence`, … */
  id: string;
  name: string;
  nameEn: string;
  category: PhraseCategory;
  patterns: string[];
  mustMatch: string[];
  mustNotMatch: string[];
};

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
  phraseFamilies: PhraseFamily[];
};

/** The names of the families a version in the older shape (a plain list of phrases) reads as. */
const LISTED_NAMES: Record<PhraseCategory, { name: string; nameEn: string }> = {
  threat: { name: '威胁用语', nameEn: 'Threatening words' },
  insult: { name: '辱骂用语', nameEn: 'Insulting words' },
  impersonation: { name: '冒充公检法、律师的用语', nameEn: 'Words impersonating police, courts or lawyers' },
  disclosure: { name: '向他人透露债务的用语', nameEn: 'Words disclosing the debt to others' },
};

/**
 * A version published as a plain list of phrases (version 1) read as families: one per
 * category, each phrase a literal pattern and its own must-match example, so it catches at
 * least everything the list caught.
 */
export const familiesFromListedPhrases = (
  phrases: readonly { phrase: string; category: PhraseCategory }[],
): PhraseFamily[] =>
  PHRASE_CATEGORIES.flatMap((category) => {
    const listed = phrases.filter((p) => p.category === category).map((p) => p.phrase);
    if (listed.length === 0) return [];
    return [
      {
        id: `listed-${category}`,
        ...LISTED_NAMES[category],
        category,
        patterns: listed.map(literalPattern),
        mustMatch: listed,
        mustNotMatch: [],
      },
    ];
  });

/**
 * A published version as stored (JSON). Versions are never rewritten: one stored in an
 * older shape is converted as it is read. One with `forbiddenPhrases` (a plain list) reads
 * as families; one with the two soft stage days it carried before the stage policy was part
 * of the rulebook reads with the platform floor's policy, which the engine enforces for
 * every version since.
 */
export const readRuleSet = (stored: Record<string, unknown>): RuleSet => {
  const {
    forbiddenPhrases,
    phraseFamilies,
    stagePolicy,
    remindersOnlyUntilDay: _r,
    escalationFromDay: _e,
    ...rest
  } = stored as Omit<RuleSet, 'phraseFamilies' | 'stagePolicy'> & {
    forbiddenPhrases?: { phrase: string; category: PhraseCategory }[];
    phraseFamilies?: PhraseFamily[];
    stagePolicy?: unknown;
    remindersOnlyUntilDay?: number;
    escalationFromDay?: number;
  };
  return {
    ...rest,
    stagePolicy: stagePolicyOf(stagePolicy),
    phraseFamilies: phraseFamilies ?? familiesFromListedPhrases(forbiddenPhrases ?? []),
  };
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

/** The forbidden phrases of version 1, as that version was published (a plain list). */
export const V1_LISTED_PHRASES: readonly { phrase: string; category: PhraseCategory }[] = [
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
];

/**
 * Version 1 of the platform rulebook, as published by the migration that created the
 * rule table (read as families). Tests pin it; the running system reads the newest
 * published version. It is the floor: no later version may catch less.
 */
export const RULES_V1: RuleSet = {
  version: 1,
  windowStartMinutes: 8 * 60,
  windowEndMinutes: 22 * 60,
  maxAnsweredCallsPerDebtorPerDay: 3,
  maxUnansweredCallsPerNumberPerDay: 6,
  contactAfterFailedAttempts: 3,
  stagePolicy: DEFAULT_STAGE_POLICY,
  phraseFamilies: familiesFromListedPhrases(V1_LISTED_PHRASES),
};
