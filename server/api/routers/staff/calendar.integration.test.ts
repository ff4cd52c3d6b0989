// The working calendar (DESIGN "Time moves"): deadlines count Chinese working days. The
// schedules migration 0032 seeds are what the deadlines read; the platform admin's changes
// count from the next call; every change is audited; only staff read it, only the admin
// changes it.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, calendarDays } from '@/db/schema';
import { shanghaiDate, shanghaiDayNumber, shanghaiInstant } from '@/lib/dates';
import { dayNumberOf, isWeekend, workingCalendar } from '@/lib/working-calendar';
import { loadWorkingCalendar } from '../../../domain/calendar/calendar';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { draftPackage, sampleTerms } from '../../../testing/packages';
import { workingCases } from '../../../testing/work';
import { callerAs, type UserKey } from '../../../testing/world';

const ctx = freshWorldPerTest();
const as = (key: UserKey) => callerAs(ctx.handle.db, ctx.w.users[key]);
const dayOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** The next `count` weekdays after today that the calendar does not already name. */
const nextPlainWeekdays = async (count: number) => {
  const named = new Set((await ctx.handle.db.select({ day: calendarDays.day }).from(calendarDays)).map((r) => r.day));
  const days: string[] = [];
  for (let n = shanghaiDayNumber(new Date()) + 1; days.length < count; n += 1)
    if (!isWeekend(n) && !named.has(dayOf(n))) days.push(dayOf(n));
  return days;
};

describe('the seeded schedules', () => {
  it('count a deadline across the National Day week and work the make-up Saturday', async () => {
    const calendar = await loadWorkingCalendar(ctx.handle.db);
    expect(calendar.addWorkingDays(shanghaiInstant('2026-09-30T10:00:00'), 2)).toEqual(
      shanghaiInstant('2026-10-09T10:00:00'),
    );
    expect(calendar.addWorkingDays(shanghaiInstant('2026-10-09T10:00:00'), 3)).toEqual(
      shanghaiInstant('2026-10-13T10:00:00'),
    );
    expect(calendar.isWorkingDay(dayNumberOf('2026-09-20'))).toBe(true); // Sunday worked
  });

  it('skip the Spring Festival and work its Saturdays', async () => {
    const calendar = await loadWorkingCalendar(ctx.handle.db);
    expect(calendar.addWorkingDays(shanghaiInstant('2026-02-13T15:00:00'), 2)).toEqual(
      shanghaiInstant('2026-02-24T15:00:00'),
    );
    expect(calendar.isWorkingDay(dayNumberOf('2026-02-28'))).toBe(true);
    expect(calendar.isWorkingDay(dayNumberOf('2025-01-29'))).toBe(false); // 2025's festival too
    expect(calendar.isWorkingDay(dayNumberOf('2027-02-08'))).toBe(false); // 2027's statutory days
  });
});

describe('staff.calendar', () => {
  it('lists a year in date order to staff', async () => {
    const days = await (await as('platform.complaints')).staff.calendar.list({ year: 2026 });
    expect(days.map((d) => d.day)).toEqual([...days.map((d) => d.day)].sort());
    expect(days.find((d) => d.day === '2026-10-10')).toMatchObject({ kind: 'workday', holiday: 'nationalDay' });
    expect(days.filter((d) => d.kind === 'workday').map((d) => d.day)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(days.every((d) => d.day.startsWith('2026-'))).toBe(true);
  });

  it('sets and removes a day, each with its audit row, and the next offer counts by it', async () => {
    const admin = await as('platform.admin');
    const [first, second] = await nextPlainWeekdays(2);
    for (const day of [first!, second!])
      await admin.staff.calendar.setDay({ day, kind: 'holiday', holiday: 'nationalDay' });
    const year = Number(first!.slice(0, 4));
    expect((await admin.staff.calendar.list({ year })).find((d) => d.day === first)).toMatchObject({
      kind: 'holiday',
      holiday: 'nationalDay',
    });
    const audits = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.setDay'), eq(auditLog.resourceId, first!)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ before: null, after: { kind: 'holiday', holiday: 'nationalDay' } });

    // A creditor's offer made now waits 2 working days: the two new days off are not among them.
    const pkg = await draftPackage(ctx.w, 3);
    const manager = await as('creditorA.manager');
    await manager.packages.saveTerms({ packageId: pkg.id, terms: sampleTerms() });
    const before = Date.now();
    const offered = await manager.packages.offer({ packageId: pkg.id, agencyId: ctx.w.orgs.agencyA.id, feeBp: 2800 });
    const expiresAt = offered.offerExpiresAt!;
    const countedDays = new Set<string>();
    for (let n = shanghaiDayNumber(before) + 1; n <= shanghaiDayNumber(expiresAt); n += 1) countedDays.add(dayOf(n));
    expect(countedDays.has(first!)).toBe(true);
    expect(countedDays.has(second!)).toBe(true);
    expect(shanghaiDate(expiresAt) > second!).toBe(true);
    const plain = workingCalendar([]).addWorkingDays(new Date(before), 2);
    expect(expiresAt.getTime()).toBeGreaterThan(plain.getTime());

    // Removed again, the day is an ordinary weekday; the removal is audited with what it was.
    await admin.staff.calendar.removeDay({ day: first! });
    expect((await admin.staff.calendar.list({ year })).some((d) => d.day === first)).toBe(false);
    const [removal] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.removeDay'), eq(auditLog.resourceId, first!)));
    expect(removal).toMatchObject({ before: { kind: 'holiday', holiday: 'nationalDay' }, after: null });
    await admin.staff.calendar.removeDay({ day: second! });
  });

  it('counts a restructure decision by the calendar too', async () => {
    const admin = await as('platform.admin');
    const [off] = await nextPlainWeekdays(1);
    await admin.staff.calendar.setDay({ day: off!, kind: 'holiday', holiday: 'labourDay' });
    const { caseId } = await workingCases(ctx.w, 1);
    const agency = await as('agencyA.supervisor');
    const before = Date.now();
    const r = await agency.work.proposeRestructure({
      caseId,
      kind: 'deferral',
      terms: { deferTo: '2099-03-01' },
      reason: '债务人住院',
    });
    const expected = (await loadWorkingCalendar(ctx.handle.db)).addWorkingDays(new Date(before), 3);
    expect(Math.abs(r.expiresAt!.getTime() - expected.getTime())).toBeLessThan(60_000);
    expect(r.expiresAt!.getTime()).toBeGreaterThan(workingCalendar([]).addWorkingDays(new Date(before), 3).getTime());
    await admin.staff.calendar.removeDay({ day: off! });
  });

  it('refuses a make-up working day on a weekday, naming the field, and an unknown day to remove', async () => {
    const admin = await as('platform.admin');
    const [weekday] = await nextPlainWeekdays(1);
    await expect(
      admin.staff.calendar.setDay({ day: weekday!, kind: 'workday', holiday: 'springFestival' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'calendar.workdayOnWeekday', details: { field: 'day' } },
    });
    await expect(admin.staff.calendar.removeDay({ day: weekday! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      admin.staff.calendar.setDay({ day: '2026-13-01', kind: 'holiday', holiday: 'newYear' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      admin.staff.calendar.setDay({ day: '2026-10-12', kind: 'holiday', holiday: 'mayDay' as 'labourDay' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('is read by staff only and changed by the platform admin only', async () => {
    for (const key of ['creditorA.admin', 'agencyA.admin'] as const) {
      await expect((await as(key)).staff.calendar.list({ year: 2026 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(
      (await as('platform.reviewer')).staff.calendar.setDay({
        day: '2027-02-20',
        kind: 'workday',
        holiday: 'springFestival',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await callerAs(ctx.handle.db, null)).staff.calendar.list({ year: 2026 })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
