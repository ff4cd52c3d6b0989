// Calendar dates as the users live them: Asia/Shanghai (DESIGN §4), whatever the server's zone.
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
export const shanghaiDate = (at: Date): string => SHANGHAI_DAY.format(at);

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The instant `days` business days (Monday to Friday, Asia/Shanghai) after `from`, at the
 * same time of day. Public holidays are not taken into account.
 */
export const addBusinessDays = (from: Date, days: number): Date => {
  let at = from.getTime();
  let left = days;
  while (left > 0) {
    at += DAY_MS;
    const weekday = (Math.floor((at + SHANGHAI_OFFSET_MS) / DAY_MS) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(at);
};

/** Midnight in Asia/Shanghai that begins the day after `date` (YYYY-MM-DD): when a term ending that day is over. */
export const endOfShanghaiDay = (date: string): Date => new Date(new Date(`${date}T00:00:00+08:00`).getTime() + DAY_MS);
