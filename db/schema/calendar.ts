import { sql } from 'drizzle-orm';
import { check, date, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { CALENDAR_DAY_KINDS, HOLIDAY_NAMES } from '@/lib/working-calendar';
import { ts } from './columns';
import { users } from './users';

/**
 * The days China's working week moves (DESIGN §"Time moves"): statutory holidays and the
 * make-up working days (调休) of the State Council's yearly schedule. Every other day is a
 * working day Monday to Friday. The platform admin keeps it (staff.calendar); every change
 * is audited.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    day: date({ mode: 'string' }).primaryKey(),
    kind: text({ enum: CALENDAR_DAY_KINDS }).notNull(),
    /** Which holiday the day belongs to (a make-up day names the holiday it makes up for). */
    holiday: text({ enum: HOLIDAY_NAMES }).notNull(),
    updatedBy: uuid().references(() => users.id),
    updatedAt: ts().notNull().defaultNow(),
  },
  () => [
    check('calendar_days_kind', sql.raw(`kind in (${CALENDAR_DAY_KINDS.map((k) => `'${k}'`).join(', ')})`)),
    check('calendar_days_holiday', sql.raw(`holiday in (${HOLIDAY_NAMES.map((k) => `'${k}'`).join(', ')})`)),
  ],
);

export type CalendarDayRow = typeof calendarDays.$inferSelect;
