import { describe, expect, it } from 'vitest';
import { shanghaiDayNumber, shanghaiInstant, startOfShanghaiDay } from './dates';
import { dayNumberOf, workingCalendar, type CalendarDay } from './working-calendar';

// 2026 as the State Council published it (the rows migration 0032 seeds): the Spring
// Festival 15–23 February with Saturdays 14 and 28 February worked, National Day 1–7
// October with Sunday 20 September and Saturday 10 October worked.
const span = (from: string, to: string, kind: CalendarDay['kind'] = 'holiday'): CalendarDay[] => {
  const days: CalendarDay[] = [];
  for (let d = dayNumberOf(from); d <= dayNumberOf(to); d += 1)
    days.push({ day: new Date(d * 86_400_000).toISOString().slice(0, 10), kind });
  return days;
};
const year2026 = workingCalendar([
  ...span('2026-02-15', '2026-02-23'),
  ...span('2026-02-14', '2026-02-14', 'workday'),
  ...span('2026-02-28', '2026-02-28', 'workday'),
  ...span('2026-10-01', '2026-10-07'),
  ...span('2026-09-20', '2026-09-20', 'workday'),
  ...span('2026-10-10', '2026-10-10', 'workday'),
]);
const plainWeek = workingCalendar([]);
const at = shanghaiInstant;
const day = (date: string) => shanghaiDayNumber(startOfShanghaiDay(date));

describe('the working calendar', () => {
  it('counts days as Beijing does', () => {
    expect(dayNumberOf('1970-01-01')).toBe(0);
    expect(dayNumberOf('2026-10-01')).toBe(day('2026-10-01'));
    expect(() => dayNumberOf('2026-1-1')).toThrow(RangeError);
  });

  it('works Monday to Friday in a plain week', () => {
    expect(plainWeek.isWorkingDay(day('2026-11-20'))).toBe(true); // Friday
    expect(plainWeek.isWorkingDay(day('2026-11-21'))).toBe(false);
    expect(plainWeek.isWorkingDay(day('2026-11-22'))).toBe(false);
    expect(plainWeek.isWorkingDay(day('2026-11-23'))).toBe(true); // Monday
  });

  it('skips the weekend, keeping the time of day in Beijing', () => {
    expect(plainWeek.addWorkingDays(at('2026-11-20T10:00:00'), 1)).toEqual(at('2026-11-23T10:00:00'));
    // 23:30 on Friday in Beijing is still Friday afternoon in UTC: the weekend is Beijing's.
    expect(plainWeek.addWorkingDays(at('2026-11-20T23:30:00'), 1)).toEqual(at('2026-11-23T23:30:00'));
    expect(plainWeek.addWorkingDays(at('2026-11-18T09:00:00'), 5)).toEqual(at('2026-11-25T09:00:00'));
    expect(plainWeek.addWorkingDays(at('2026-11-21T09:00:00'), 0)).toEqual(at('2026-11-21T09:00:00'));
  });

  it('skips the Spring Festival week and works its make-up Saturdays', () => {
    expect(year2026.isWorkingDay(day('2026-02-14'))).toBe(true); // Saturday worked
    expect(year2026.isWorkingDay(day('2026-02-16'))).toBe(false); // Monday of the festival
    expect(year2026.isWorkingDay(day('2026-02-23'))).toBe(false);
    expect(year2026.isWorkingDay(day('2026-02-28'))).toBe(true);
    // An offer made on Friday 13 February: 2 working days are Saturday 14 and Tuesday 24.
    expect(year2026.addWorkingDays(at('2026-02-13T15:00:00'), 2)).toEqual(at('2026-02-24T15:00:00'));
    expect(plainWeek.addWorkingDays(at('2026-02-13T15:00:00'), 2)).toEqual(at('2026-02-17T15:00:00'));
  });

  it('counts a deadline across the National Day week', () => {
    // Wednesday 30 September + 2 working days: 1–7 October are holidays, so Friday 9 October.
    expect(year2026.addWorkingDays(at('2026-09-30T10:00:00'), 2)).toEqual(at('2026-10-09T10:00:00'));
    // Friday 9 October + 3: Saturday 10 is worked, then Monday 12 and Tuesday 13.
    expect(year2026.addWorkingDays(at('2026-10-09T10:00:00'), 3)).toEqual(at('2026-10-13T10:00:00'));
    // Sunday 20 September is worked: Friday 18 + 1 is that Sunday.
    expect(year2026.addWorkingDays(at('2026-09-18T10:00:00'), 1)).toEqual(at('2026-09-20T10:00:00'));
  });

  it.each([
    ['2026-11-20T10:00:00+08:00', '2026-11-20T18:00:00+08:00', 0],
    ['2026-11-20T10:00:00+08:00', '2026-11-23T09:00:00+08:00', 1],
    ['2026-11-20T10:00:00+08:00', '2026-11-27T09:00:00+08:00', 5],
    ['2026-11-21T10:00:00+08:00', '2026-11-22T10:00:00+08:00', 0],
    ['2026-11-16T23:30:00+08:00', '2026-11-17T00:30:00+08:00', 1],
    // Submitted on the last working day before National Day, read on 12 October.
    ['2026-09-30T10:00:00+08:00', '2026-10-12T10:00:00+08:00', 4], // 8, 9, Saturday 10 and 12 October
  ])('%s → %s is %i working days', (from, to, n) => {
    expect(year2026.workingDaysBetween(new Date(from), new Date(to))).toBe(n);
  });
});
