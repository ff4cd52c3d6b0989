import { ACTION_CHANNELS, ACTION_TARGETS, type ActionChannel, type ActionTarget } from './enums';

// The stage policy (DESIGN §4): from which day overdue each channel may reach the debtor,
// and a third party (a contact). Collection escalates in stages: reminders first, calls
// to the debtor after a few days, the debtor's contacts only once the debtor could not be
// reached for weeks, field visits and letters after a month. The published rulebook holds
// the platform's floor; a package's terms may set later days or close a channel (never
// earlier ones), and the stricter of the two applies.

/** The first day overdue a channel may be used on a target; null: never. */
export type StageDays = Record<ActionTarget, number | null>;
export type StagePolicy = Record<ActionChannel, StageDays>;

/** The last day a policy may name (ten years overdue). */
export const MAX_STAGE_DAY = 3650;

/**
 * The platform floor: reminders (SMS, email) to the debtor from day 1; calls to the debtor
 * from day 6; calls and SMS to contacts from day 18 (and only after three failed attempts
 * on the debtor, a rule of its own); field visits, letters and lawyer's letters to the
 * debtor from day 31. Email, letters and visits never go to a third party.
 */
export const DEFAULT_STAGE_POLICY: StagePolicy = {
  sms: { debtor: 1, contact: 18 },
  email: { debtor: 1, contact: null },
  call: { debtor: 6, contact: 18 },
  letter: { debtor: 31, contact: null },
  visit: { debtor: 31, contact: null },
  lawyer_letter: { debtor: 31, contact: null },
};

/** The channels in the order the policy is shown: the escalation ladder. */
export const STAGE_CHANNELS: readonly ActionChannel[] = ['sms', 'email', 'call', 'letter', 'visit', 'lawyer_letter'];

const later = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.max(a, b));

/** The stricter of two policies: each channel from the later day, closed where either closes it. */
export const strictest = (a: StagePolicy, b: StagePolicy | null | undefined): StagePolicy => {
  if (!b) return a;
  const out = {} as StagePolicy;
  for (const ch of ACTION_CHANNELS)
    out[ch] = { debtor: later(a[ch].debtor, b[ch].debtor), contact: later(a[ch].contact, b[ch].contact) };
  return out;
};

/** Where `policy` lets a channel in earlier than `floor` (or opens one the floor keeps closed): `channel.target` keys. */
export const loosenedAgainst = (policy: StagePolicy, floor: StagePolicy): string[] => {
  const loose: string[] = [];
  for (const ch of ACTION_CHANNELS)
    for (const target of ACTION_TARGETS) {
      const day = policy[ch][target];
      const min = floor[ch][target];
      if (day === null) continue;
      if (min === null || day < min) loose.push(`${ch}.${target}`);
    }
  return loose;
};

/** A stored policy, completed where a channel is missing (a version published before it had one): the floor. */
export const stagePolicyOf = (raw: unknown): StagePolicy => {
  const source = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<string, Partial<StageDays>>>;
  const out = {} as StagePolicy;
  for (const ch of ACTION_CHANNELS) {
    const given = source[ch];
    out[ch] = {
      debtor: given && 'debtor' in given ? (given.debtor ?? null) : DEFAULT_STAGE_POLICY[ch].debtor,
      contact: given && 'contact' in given ? (given.contact ?? null) : DEFAULT_STAGE_POLICY[ch].contact,
    };
  }
  return out;
};

/** The stage a case is in on a day overdue, by what it opens: reminders, calls, contacts, escalation. */
export type Stage = 'reminder' | 'calls' | 'contacts' | 'escalation';
export const stageOn = (policy: StagePolicy, day: number): Stage => {
  const opens = (d: number | null) => d !== null && day >= d;
  if (opens(policy.visit.debtor) || opens(policy.letter.debtor) || opens(policy.lawyer_letter.debtor))
    return 'escalation';
  if (opens(policy.call.contact) || opens(policy.sms.contact)) return 'contacts';
  if (opens(policy.call.debtor)) return 'calls';
  return 'reminder';
};
