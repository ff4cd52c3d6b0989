import { ACTION_CHANNELS, type ActionChannel } from './enums';

// A debtor's own request about being contacted (DESIGN §4, the debtor's protection): the
// channels it asked not to be reached by, and quiet hours (no calls at work), every day or
// on working days only. The newest request on a case is in force for every agency holding it.

export const CONTACT_REQUEST_CHANNELS = ACTION_CHANNELS;

/** "Letters only": every channel stopped but letters. */
export const LETTERS_ONLY: readonly ActionChannel[] = ACTION_CHANNELS.filter((c) => c !== 'letter');

/** 570 → "09:30". */
export const formatMinutes = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** "09:30" → 570; null for anything but a time of day. */
export const parseMinutes = (hhmm: string): number | null => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

// The debtor's own choices on their page (issue 20), each one request in full: a new choice
// replaces the one before it.

/** The channels a debtor may keep as the only one: phone calls, text messages, letters. */
export const DEBTOR_CONTACT_CHANNELS = ['call', 'sms', 'letter'] as const satisfies readonly ActionChannel[];
export type DebtorContactChannel = (typeof DEBTOR_CONTACT_CHANNELS)[number];

/** "In writing only": no calls, no text messages, no visits (letters, e-mail, a lawyer's letter remain). */
export const WRITING_ONLY_STOPPED: readonly ActionChannel[] = ['call', 'sms', 'visit'];

export const CONTACT_CHOICE_KINDS = ['oneChannel', 'notAtWork', 'hours', 'writing', 'withdraw'] as const;
export type ContactChoiceKind = (typeof CONTACT_CHOICE_KINDS)[number];

/** A time of day in minutes for a choice: from in [00:00, 24:00), to in (00:00, 24:00]. */
export const MINUTES_IN_DAY = 1440;

export type ContactChoice =
  | { kind: 'oneChannel'; channel: DebtorContactChannel }
  /** Not at work: quiet [from, to) on working days. */
  | { kind: 'notAtWork'; from: number; to: number }
  /** Only between from and to: quiet the rest of the day, every day. */
  | { kind: 'hours'; from: number; to: number }
  | { kind: 'writing' }
  | { kind: 'withdraw' };

export type ContactTerms = {
  stoppedChannels: readonly ActionChannel[];
  quietFrom: number | null;
  quietTo: number | null;
  quietWorkdaysOnly: boolean;
};

/** The request a choice makes, in the rule engine's terms ("only 18:00–21:00" is quiet 21:00–18:00, past midnight). */
export const termsOfChoice = (choice: ContactChoice): ContactTerms => {
  const none = { stoppedChannels: [], quietFrom: null, quietTo: null, quietWorkdaysOnly: false };
  switch (choice.kind) {
    case 'oneChannel':
      return { ...none, stoppedChannels: ACTION_CHANNELS.filter((c) => c !== choice.channel) };
    case 'writing':
      return { ...none, stoppedChannels: [...WRITING_ONLY_STOPPED] };
    case 'notAtWork':
      return { ...none, quietFrom: choice.from, quietTo: choice.to, quietWorkdaysOnly: true };
    case 'hours':
      return { ...none, quietFrom: choice.to, quietTo: choice.from };
    case 'withdraw':
      return none;
  }
};

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export type ChoiceInForce = Exclude<ContactChoice, { kind: 'withdraw' }> | { kind: 'other' };

/**
 * The debtor's choice a request in force amounts to; `other` for terms recorded by an agency
 * that no single choice makes, null when nothing is asked.
 */
export const choiceOfTerms = (t: ContactTerms): ChoiceInForce | null => {
  const quiet = t.quietFrom !== null && t.quietTo !== null;
  if (t.stoppedChannels.length === 0 && !quiet) return null;
  if (!quiet) {
    if (sameSet(t.stoppedChannels, WRITING_ONLY_STOPPED)) return { kind: 'writing' };
    const only = DEBTOR_CONTACT_CHANNELS.find((c) =>
      sameSet(t.stoppedChannels, termsOfChoice({ kind: 'oneChannel', channel: c }).stoppedChannels),
    );
    return only ? { kind: 'oneChannel', channel: only } : { kind: 'other' };
  }
  if (t.stoppedChannels.length > 0 || t.quietFrom === null || t.quietTo === null) return { kind: 'other' };
  if (t.quietWorkdaysOnly && t.quietFrom < t.quietTo) return { kind: 'notAtWork', from: t.quietFrom, to: t.quietTo };
  if (!t.quietWorkdaysOnly && t.quietFrom > t.quietTo) return { kind: 'hours', from: t.quietTo, to: t.quietFrom };
  return { kind: 'other' };
};
