import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { calendarDays } from '@/db/schema';
import {
  dayNumberOf,
  isWeekend,
  workingCalendar,
  type CalendarDay,
  type CalendarDayKind,
  type HolidayName,
  type WorkingCalendar,
} from '@/lib/working-calendar';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';

// The working calendar the platform keeps (lib/working-calendar.ts says what it means).
// Read whole each time a deadline is counted: a few dozen rows a year, and a change by the
// platform admin counts from the next request on every instance.

export const loadWorkingCalendar = async (db: DbOrTx): Promise<WorkingCalendar> =>
  workingCalendar(await db.select({ day: calendarDays.day, kind: calendarDays.kind }).from(calendarDays));

export type CalendarEntry = CalendarDay & { holiday: HolidayName; updatedAt: Date };

/** The year's holidays and make-up working days, in date order. */
export const listCalendarYear = async (db: DbOrTx, year: number): Promise<CalendarEntry[]> =>
  db
    .select({
      day: calendarDays.day,
      kind: calendarDays.kind,
      holiday: calendarDays.holiday,
      updatedAt: calendarDays.updatedAt,
    })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lt(calendarDays.day, `${year + 1}-01-01`)))
    .orderBy(asc(calendarDays.day));

/**
 * Records a day as a holiday or a make-up working day, replacing what the day was. A make-up
 * working day is a Saturday or Sunday worked: on a weekday it would change nothing.
 */
export const setCalendarDay = async (
  db: DbOrTx,
  caller: Caller,
  input: { day: string; kind: CalendarDayKind; holiday: HolidayName },
) => {
  if (input.kind === 'workday' && !isWeekend(dayNumberOf(input.day)))
    throw new DomainError('calendar.workdayOnWeekday', { field: 'day' });
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.day, input.day)).for('update');
    const values = { kind: input.kind, holiday: input.holiday, updatedBy: caller.actor.userId, updatedAt: new Date() };
    await tx
      .insert(calendarDays)
      .values({ day: input.day, ...values })
      .onConflictDoUpdate({ target: calendarDays.day, set: values });
    await writeAudit(tx, caller, {
      action: 'calendar.setDay',
      resourceType: 'calendar_day',
      resourceId: input.day,
      before: before ? { kind: before.kind, holiday: before.holiday } : null,
      after: { kind: input.kind, holiday: input.holiday },
    });
    return { day: input.day };
  });
};

/** Makes the day an ordinary one again (a working day Monday to Friday). */
export const removeCalendarDay = async (db: DbOrTx, caller: Caller, input: { day: string }) =>
  db.transaction(async (tx) => {
    const [removed] = await tx.delete(calendarDays).where(eq(calendarDays.day, input.day)).returning();
    if (!removed) throw new DomainError('calendar.dayNotFound', { field: 'day' });
    await writeAudit(tx, caller, {
      action: 'calendar.removeDay',
      resourceType: 'calendar_day',
      resourceId: input.day,
      before: { kind: removed.kind, holiday: removed.holiday },
      after: null,
    });
    return { day: input.day };
  });
