// Local time in a debtor's time zone (DESIGN §4: Asia/Shanghai unless the case says
// otherwise), from the IANA database built into the runtime.

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (timeZone: string) => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

export type LocalTime = { date: string; minutes: number; seconds: number };

/** The local calendar date (YYYY-MM-DD) and time of day of an instant. */
export const localTime = (at: Date, timeZone: string): LocalTime => {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  ) as Record<string, string>;
  const minutes = Number(p.hour) * 60 + Number(p.minute);
  return { date: `${p.year}-${p.month}-${p.day}`, minutes, seconds: minutes * 60 + Number(p.second) };
};

/** The instant at which the local clock in the zone shows `date` `HH:MM`. */
export const zonedInstant = (date: string, minutes: number, timeZone: string): Date => {
  const [y, m, d] = date.split('-').map(Number);
  const asUtc = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, Math.floor(minutes / 60), minutes % 60);
  // The zone's offset at that moment, read back from the formatter (two passes settle DST edges).
  let guess = asUtc;
  for (let i = 0; i < 2; i += 1) {
    const lt = localTime(new Date(guess), timeZone);
    const [ly, lm, ld] = lt.date.split('-').map(Number);
    const shownAsUtc = Date.UTC(ly ?? 1970, (lm ?? 1) - 1, ld ?? 1, Math.floor(lt.minutes / 60), lt.minutes % 60);
    guess += asUtc - shownAsUtc;
  }
  return new Date(guess);
};

export const nextDate = (date: string): string => addDays(date, 1);

export const isValidTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** The calendar day `n` days after `date` (YYYY-MM-DD). */
export const addDays = (date: string, n: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
