import { DAY_MS, DAY_PATTERN, shanghaiDayNumber } from './dates';

// China's working calendar: Monday to Friday, except the statutory holidays, plus the
// make-up working days (调休) the State Council publishes each year for the weekends it
// moves. The platform keeps each year's schedule (staff.calendar); every deadline counted
// in working days (an award offer's answer, a restructure's decision, the admission review
// target) reads it through this one function.

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** The statutory holidays (全国年节及纪念日放假办法); a make-up day names the one it belongs to. */
export const HOLIDAY_NAMES = [
  'newYear',
  'springFestival',
  'qingming',
  'labourDay',
  'dragonBoat',
  'midAutumn',
  'nationalDay',
] as const;
export type HolidayName = (typeof HOLIDAY_NAMES)[number];

/** One day that differs from the plain week: a holiday on a weekday, or a weekend worked. */
export type CalendarDay = { day: string; kind: CalendarDayKind };

export type WorkingCalendar = {
  /** Whether a Beijing day (as `shanghaiDayNumber` counts it) is a working day. */
  isWorkingDay: (dayNumber: number) => boolean;
  /** The instant `days` working days after `from`, at the same time of day (Beijing). */
  addWorkingDays: (from: Date, days: number) => Date;
  /** Whole working days after the day of `from` up to and including the day of `to`. */
  workingDaysBetween: (from: Date, to: Date) => number;
};

/** `YYYY-MM-DD` as `shanghaiDayNumber` counts it. */
export const dayNumberOf = (day: string): number => {
  if (!DAY_PATTERN.test(day)) throw new RangeError(`not a day: ${day}`);
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
};

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export const weekdayOf = (dayNumber: number): number => (((dayNumber + 4) % 7) + 7) % 7;

export const isWeekend = (dayNumber: number): boolean => {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
};

export const workingCalendar = (days: readonly CalendarDay[]): WorkingCalendar => {
  const exceptions = new Map(days.map((d) => [dayNumberOf(d.day), d.kind]));
  const isWorkingDay = (dayNumber: number): boolean => {
    const kind = exceptions.get(dayNumber);
    return kind ? kind === 'workday' : !isWeekend(dayNumber);
  };
  return {
    isWorkingDay,
    addWorkingDays: (from, days) => {
      let at = from.getTime();
      for (let left = days; left > 0;) {
        at += DAY_MS;
        if (isWorkingDay(shanghaiDayNumber(at))) left -= 1;
      }
      return new Date(at);
    },
    workingDaysBetween: (from, to) => {
      let count = 0;
      for (let d = shanghaiDayNumber(from) + 1; d <= shanghaiDayNumber(to); d += 1) if (isWorkingDay(d)) count += 1;
      return count;
    },
  };
};
