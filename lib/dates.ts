// Calendar dates as the users live them: Asia/Shanghai (DESIGN §4), whatever the zone of
// the server or the browser. China keeps no daylight saving time, so Beijing is UTC+8 all
// year and a fixed offset converts exactly.

export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** A day typed or sent as `YYYY-MM-DD`; whether such a day exists is checked apart. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: SHANGHAI_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
export const shanghaiDate = (at: Date): string => SHANGHAI_DAY.format(at);

/** The instant a Beijing wall-clock time names; `local` is `YYYY-MM-DDTHH:mm:ss`, fractions allowed. */
export const shanghaiInstant = (local: string): Date => new Date(`${local}+08:00`);

/** Midnight in Asia/Shanghai that begins `date` (YYYY-MM-DD). */
export const startOfShanghaiDay = (date: string): Date => shanghaiInstant(`${date}T00:00:00`);

/** Midnight in Asia/Shanghai that begins the day after `date` (YYYY-MM-DD): when a term ending that day is over. */
export const endOfShanghaiDay = (date: string): Date => new Date(startOfShanghaiDay(date).getTime() + DAY_MS);

/** An instant as Beijing wall-clock time `YYYY-MM-DDTHH:mm`, the value of a datetime-local input. */
export const shanghaiDateTimeLocal = (at: Date): string =>
  new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);

/** The Beijing calendar day an instant falls on, counted in days from 1970-01-01. */
export const shanghaiDayNumber = (at: Date | number): number =>
  Math.floor(((typeof at === 'number' ? at : at.getTime()) + SHANGHAI_OFFSET_MS) / DAY_MS);
