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
