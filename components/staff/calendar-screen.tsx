'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import {
  CALENDAR_DAY_KINDS,
  HOLIDAY_NAMES,
  dayNumberOf,
  isWeekend,
  weekdayOf,
  workingCalendar,
} from '@/lib/working-calendar';
import { ZSetCalendarDayInput, type TCalendarDay } from '@/server/api/routers/staff/staff.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Field, Input, Select } from '../ui/field';
import { EmptyRow, Table, Td } from '../ui/table';

const dayOf = (dayNumber: number) => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);

/** Twelve small months: holidays in red, make-up working days in amber, other weekends grey. */
const YearGrid = ({ year, days }: { year: number; days: TCalendarDay[] }) => {
  const t = useTranslations();
  const format = useFormatter();
  const calendar = workingCalendar(days);
  const byDay = new Map(days.map((d) => [d.day, d]));
  const weekdays = t('staffCalendar.weekdaysShort').split(',');
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="calendar-grid">
      {Array.from({ length: 12 }, (_, m) => {
        const first = dayNumberOf(`${year}-${String(m + 1).padStart(2, '0')}-01`);
        const next =
          m === 11 ? dayNumberOf(`${year + 1}-01-01`) : dayNumberOf(`${year}-${String(m + 2).padStart(2, '0')}-01`);
        const lead = (weekdayOf(first) + 6) % 7; // weeks start on Monday
        return (
          <div key={m}>
            <p className="mb-1 text-sm font-medium text-slate-700">
              {format.dateTime(new Date(Date.UTC(year, m, 1)), { month: 'long', timeZone: 'UTC' })}
            </p>
            <div className="grid grid-cols-7 gap-px text-center text-xs">
              {weekdays.map((w) => (
                <span key={w} className="py-0.5 text-slate-400">
                  {w}
                </span>
              ))}
              {Array.from({ length: lead }, (_, i) => (
                <span key={`lead-${i}`} />
              ))}
              {Array.from({ length: next - first }, (_, i) => {
                const n = first + i;
                const entry = byDay.get(dayOf(n));
                const tone = entry
                  ? entry.kind === 'holiday'
                    ? 'bg-red-100 text-red-800 font-semibold'
                    : 'bg-amber-100 text-amber-900 font-semibold'
                  : calendar.isWorkingDay(n)
                    ? 'text-slate-700'
                    : 'text-slate-400';
                return (
                  <span
                    key={n}
                    className={`rounded py-0.5 tabular-nums ${tone}`}
                    title={
                      entry ? `${t(`holidays.${entry.holiday}`)} · ${t(`staffCalendar.kind.${entry.kind}`)}` : undefined
                    }
                  >
                    {i + 1}
                  </span>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
};

const DayForm = ({ year }: { year: number }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useZodForm(ZSetCalendarDayInput, {
    defaultValues: { day: `${year}-01-01`, kind: 'holiday', holiday: 'newYear' },
  });
  const save = useMutation(
    trpc.staff.calendar.setDay.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.staff.calendar.list.queryKey() }),
    }),
  );
  const error = errorInfo(save.error);
  const message = (name: 'day' | 'kind' | 'holiday') => fieldMessage(errors, error, name);
  return (
    <form
      noValidate
      className="grid items-start gap-3 md:grid-cols-4"
      data-testid="calendar-day-form"
      onSubmit={handleSubmit((values) => save.mutate(values, { onSuccess: () => reset(values) }))}
    >
      <Field id="calendar-day" label={t('staffCalendar.day')} error={message('day')}>
        <Input id="calendar-day" type="date" {...register('day')} invalid={Boolean(message('day'))} />
      </Field>
      <Field id="calendar-kind" label={t('staffCalendar.kindLabel')} error={message('kind')}>
        <Select id="calendar-kind" {...register('kind')}>
          {CALENDAR_DAY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`staffCalendar.kind.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="calendar-holiday" label={t('staffCalendar.holiday')} error={message('holiday')}>
        <Select id="calendar-holiday" {...register('holiday')}>
          {HOLIDAY_NAMES.map((h) => (
            <option key={h} value={h}>
              {t(`holidays.${h}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="pt-6">
        <Button type="submit" disabled={save.isPending} data-testid="calendar-save">
          {save.isPending ? t('common.saving') : t('staffCalendar.save')}
        </Button>
      </div>
      {error && !message('day') ? (
        <div className="md:col-span-4">
          <Alert testId="calendar-error">{error.message}</Alert>
        </div>
      ) : null}
      {save.isSuccess ? (
        <p className="text-sm text-emerald-700 md:col-span-4" data-testid="calendar-saved">
          {t('staffCalendar.saved', { day: save.data.day })}
        </p>
      ) : null}
    </form>
  );
};

/** The working calendar every deadline counts by: the platform admin enters each year's schedule. */
export const CalendarScreen = ({ canManage, initialYear }: { canManage: boolean; initialYear: number }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(initialYear);
  const list = useQuery(trpc.staff.calendar.list.queryOptions({ year }));
  const remove = useMutation(
    trpc.staff.calendar.removeDay.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.staff.calendar.list.queryKey() }),
    }),
  );
  const days = list.data ?? [];
  const holidaysOnWeekdays = days.filter((d) => d.kind === 'holiday' && !isWeekend(dayNumberOf(d.day))).length;
  const makeUpDays = days.filter((d) => d.kind === 'workday').length;
  return (
    <>
      <PageTitle
        title={t('staffCalendar.title')}
        subtitle={t('staffCalendar.subtitle')}
        actions={
          <div className="flex items-center gap-2">
            <Button variant="secondary" onClick={() => setYear(year - 1)} data-testid="calendar-prev">
              ‹
            </Button>
            <span className="text-base font-semibold tabular-nums" data-testid="calendar-year">
              {year}
            </span>
            <Button variant="secondary" onClick={() => setYear(year + 1)} data-testid="calendar-next">
              ›
            </Button>
          </div>
        }
      />
      <div className="space-y-6">
        {list.isSuccess && makeUpDays === 0 ? (
          <Alert tone="info" testId="calendar-no-make-up">
            {t('staffCalendar.noMakeUp', { year })}
          </Alert>
        ) : null}
        <Card
          title={t('staffCalendar.yearTitle', { year })}
          actions={
            <span className="flex gap-2 text-xs" data-testid="calendar-summary">
              <Badge tone="red">{t('staffCalendar.holidaysOnWeekdays', { count: holidaysOnWeekdays })}</Badge>
              <Badge tone="amber">{t('staffCalendar.makeUpDays', { count: makeUpDays })}</Badge>
            </span>
          }
        >
          <YearGrid year={year} days={days} />
        </Card>
        {canManage ? (
          <Card title={t('staffCalendar.addTitle')}>
            <DayForm key={year} year={year} />
          </Card>
        ) : null}
        <Card title={t('staffCalendar.listTitle')}>
          {remove.error ? <Alert testId="calendar-remove-error">{errorInfo(remove.error)?.message}</Alert> : null}
          <Table
            testId="calendar-days"
            head={[
              t('staffCalendar.day'),
              t('staffCalendar.weekday'),
              t('staffCalendar.kindLabel'),
              t('staffCalendar.holiday'),
              t('staffCalendar.updatedAt'),
              '',
            ]}
          >
            {list.isPending ? (
              <EmptyRow colSpan={6}>{t('common.loading')}</EmptyRow>
            ) : days.length === 0 ? (
              <EmptyRow colSpan={6}>{t('staffCalendar.empty', { year })}</EmptyRow>
            ) : (
              days.map((d) => (
                <tr key={d.day} data-testid="calendar-row" data-day={d.day}>
                  <Td className="font-mono text-xs">{d.day}</Td>
                  <Td>{t('staffCalendar.weekdaysShort').split(',')[(weekdayOf(dayNumberOf(d.day)) + 6) % 7]}</Td>
                  <Td>
                    <Badge tone={d.kind === 'holiday' ? 'red' : 'amber'}>{t(`staffCalendar.kind.${d.kind}`)}</Badge>
                  </Td>
                  <Td>{t(`holidays.${d.holiday}`)}</Td>
                  <Td className="font-mono text-xs">{formatDateTime(d.updatedAt)}</Td>
                  <Td>
                    {canManage ? (
                      <Button
                        variant="dangerGhost"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate({ day: d.day })}
                        data-testid={`calendar-remove-${d.day}`}
                      >
                        {t('staffCalendar.remove')}
                      </Button>
                    ) : null}
                  </Td>
                </tr>
              ))
            )}
          </Table>
        </Card>
      </div>
    </>
  );
};
