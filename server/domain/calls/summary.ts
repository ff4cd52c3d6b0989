import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { SHANGHAI_TIME_ZONE, shanghaiInstant } from '@/lib/dates';
import { addMonths, shanghaiMonth } from '@/lib/months';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { DomainError } from '../../errors';
import { executeRows } from '../shared/execute';
import { isPhantomSql, isShadowSql } from './pairing';

// What the dialers' records showed over a period, for the screens that compare: the agency
// per collector, a creditor per agency (on its cases), staff per agency across the
// platform. Calls are matched outbound call records; the contact rate is answered calls
// over calls; violations are records the rulebook found breaking a hard rule; shadows are
// records nobody logged; phantoms are logged calls and messages no record backs. Days are
// Beijing days.

export type SummaryRow = {
  key: string | null;
  name: string | null;
  calls: number;
  answered: number;
  messages: number;
  violations: number;
  flagged: number;
  shadows: number;
  phantoms: number;
};
export type DayRow = { day: string; key: string | null; calls: number; answered: number; violations: number };

/** The longest period one summary reads (a quarter), so a screen cannot ask the database for years. */
const MAX_DAYS = 93;

/**
 * What the caller reads, on the aliases `r` (call_records) and `a` (case_actions): the same
 * rule as the lists (access.ts callsReadableBy, read.ts for actions), a collector's calls
 * being those made as them or on the cases they work.
 */
const scopeOf = (caller: Caller, table: 'r' | 'a'): SQL => {
  const { actor } = caller;
  const t = sql.raw(table);
  if (actor.orgType === 'platform') return sql`true`;
  if (actor.orgType === 'creditor') return sql`${t}.creditor_id = ${actor.orgId}::uuid`;
  const own = sql`${t}.agency_id = ${actor.orgId}::uuid`;
  if (hasPermission(actor, 'cases.assign')) return own;
  return table === 'r'
    ? sql`${own} and (r.agent_id = ${actor.userId}::uuid or exists (
        select 1 from cases c where c.id = r.case_id and c.collector_id = ${actor.userId}::uuid))`
    : sql`${own} and a.actor_id = ${actor.userId}::uuid`;
};

export const callSummary = async (
  db: DbOrTx,
  caller: Caller,
  input: { from: Date; to: Date; agencyId?: string | undefined },
  now = new Date(),
) => {
  if (!hasPermission(caller.actor, 'calls.read')) throw new DomainError('auth.forbidden');
  if (input.to.getTime() <= input.from.getTime() || input.to.getTime() - input.from.getTime() > MAX_DAYS * 86_400_000)
    throw new DomainError('calls.period', { field: 'to', values: { max: MAX_DAYS } });
  const byAgent = caller.actor.orgType === 'agency';
  const recordKey = byAgent ? sql.raw('r.agent_id') : sql.raw('r.agency_id');
  const actionKey = byAgent ? sql.raw('a.actor_id') : sql.raw('a.agency_id');
  const names = byAgent ? sql.raw('users') : sql.raw('organizations');
  const from = input.from.toISOString();
  const to = input.to.toISOString();
  const agency = input.agencyId ? sql` and r.agency_id = ${input.agencyId}::uuid` : sql``;
  const actionAgency = input.agencyId ? sql` and a.agency_id = ${input.agencyId}::uuid` : sql``;
  const zone = SHANGHAI_TIME_ZONE;
  const [records, phantoms, days] = await Promise.all([
    executeRows<Omit<SummaryRow, 'name' | 'phantoms'>>(
      db,
      sql`
        select ${recordKey} as key,
          count(*) filter (where r.kind = 'call')::int as calls,
          count(*) filter (where r.kind = 'call' and r.disposition = 'answered')::int as answered,
          count(*) filter (where r.kind = 'sms')::int as messages,
          count(*) filter (where jsonb_array_length(k.violations) > 0)::int as violations,
          count(*) filter (where jsonb_array_length(k.flags) > 0)::int as flagged,
          count(*) filter (where ${isShadowSql(now, sql.raw('r'))})::int as shadows
        from call_records r
        left join call_checks k on k.record_id = r.id
        where ${scopeOf(caller, 'r')}${agency} and r.case_id is not null and r.direction = 'outbound'
          and r.started_at >= ${from}::timestamptz and r.started_at < ${to}::timestamptz
        group by 1`,
    ),
    executeRows<{ key: string | null; phantoms: number }>(
      db,
      sql`
        select ${actionKey} as key, count(*)::int as phantoms
        from case_actions a
        where ${scopeOf(caller, 'a')}${actionAgency} and a.channel in ('call', 'sms')
          and a.at >= ${from}::timestamptz and a.at < ${to}::timestamptz
          and ${isPhantomSql(now, sql.raw('a'))}
        group by 1`,
    ),
    executeRows<DayRow>(
      db,
      sql`
        select to_char(r.started_at at time zone ${zone}, 'YYYY-MM-DD') as day, ${recordKey} as key,
          count(*)::int as calls,
          count(*) filter (where r.disposition = 'answered')::int as answered,
          count(*) filter (where jsonb_array_length(k.violations) > 0)::int as violations
        from call_records r
        left join call_checks k on k.record_id = r.id
        where ${scopeOf(caller, 'r')}${agency} and r.case_id is not null and r.direction = 'outbound' and r.kind = 'call'
          and r.started_at >= ${from}::timestamptz and r.started_at < ${to}::timestamptz
        group by 1, 2
        order by 1, 2`,
    ),
  ]);
  const keys = [
    ...new Set([...records.map((r) => r.key), ...phantoms.map((p) => p.key)].filter((k): k is string => !!k)),
  ];
  const nameRows =
    keys.length === 0
      ? []
      : await executeRows<{ id: string; name: string }>(
          db,
          sql`select id, name from ${names} where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`,
        );
  const nameOf = new Map(nameRows.map((n) => [n.id, n.name]));
  const rows = new Map<string, SummaryRow>();
  const empty = (key: string | null): SummaryRow => ({
    key,
    name: key ? (nameOf.get(key) ?? null) : null,
    calls: 0,
    answered: 0,
    messages: 0,
    violations: 0,
    flagged: 0,
    shadows: 0,
    phantoms: 0,
  });
  for (const r of records)
    rows.set(r.key ?? '', { ...empty(r.key), ...r, name: r.key ? (nameOf.get(r.key) ?? null) : null });
  for (const p of phantoms) {
    const row = rows.get(p.key ?? '') ?? empty(p.key);
    rows.set(p.key ?? '', { ...row, phantoms: p.phantoms });
  }
  const list = [...rows.values()].sort((a, b) => b.calls - a.calls || (a.name ?? '').localeCompare(b.name ?? ''));
  const total = list.reduce(
    (t, r) => ({
      calls: t.calls + r.calls,
      answered: t.answered + r.answered,
      messages: t.messages + r.messages,
      violations: t.violations + r.violations,
      flagged: t.flagged + r.flagged,
      shadows: t.shadows + r.shadows,
      phantoms: t.phantoms + r.phantoms,
    }),
    { calls: 0, answered: 0, messages: 0, violations: 0, flagged: 0, shadows: 0, phantoms: 0 },
  );
  return {
    groupBy: byAgent ? ('agent' as const) : ('agency' as const),
    rows: list,
    total,
    days: days.map((d) => ({ ...d, name: d.key ? (nameOf.get(d.key) ?? null) : null })),
  };
};

/** Months the platform's monthly totals go back (this month included). */
export const MONTHS_SHOWN = 6;

/**
 * The platform's totals by month (Beijing months), for staff: calls, answered, violations,
 * transcripts with forbidden words, shadow calls, phantom actions.
 */
export const monthlyCallTotals = async (db: DbOrTx, caller: Caller, now = new Date()) => {
  if (caller.actor.orgType !== 'platform' || !hasPermission(caller.actor, 'calls.read'))
    throw new DomainError('auth.forbidden');
  const zone = SHANGHAI_TIME_ZONE;
  const thisMonth = shanghaiMonth(0, now);
  const from = shanghaiInstant(`${addMonths(thisMonth, -(MONTHS_SHOWN - 1))}-01T00:00:00`).toISOString();
  const [records, phantoms] = await Promise.all([
    executeRows<{
      month: string;
      calls: number;
      answered: number;
      violations: number;
      flagged: number;
      shadows: number;
    }>(
      db,
      sql`
        select to_char(r.started_at at time zone ${zone}, 'YYYY-MM') as month,
          count(*) filter (where r.kind = 'call')::int as calls,
          count(*) filter (where r.kind = 'call' and r.disposition = 'answered')::int as answered,
          count(*) filter (where jsonb_array_length(k.violations) > 0)::int as violations,
          count(*) filter (where jsonb_array_length(k.flags) > 0)::int as flagged,
          count(*) filter (where ${isShadowSql(now, sql.raw('r'))})::int as shadows
        from call_records r
        left join call_checks k on k.record_id = r.id
        where r.case_id is not null and r.direction = 'outbound' and r.started_at >= ${from}::timestamptz
        group by 1`,
    ),
    executeRows<{ month: string; phantoms: number }>(
      db,
      sql`
        select to_char(a.at at time zone ${zone}, 'YYYY-MM') as month, count(*)::int as phantoms
        from case_actions a
        where a.channel in ('call', 'sms') and a.at >= ${from}::timestamptz and ${isPhantomSql(now, sql.raw('a'))}
        group by 1`,
    ),
  ]);
  return Array.from({ length: MONTHS_SHOWN }, (_, i) => addMonths(thisMonth, -i)).map((month) => {
    const r = records.find((x) => x.month === month);
    return {
      month,
      calls: r?.calls ?? 0,
      answered: r?.answered ?? 0,
      violations: r?.violations ?? 0,
      flagged: r?.flagged ?? 0,
      shadows: r?.shadows ?? 0,
      phantoms: phantoms.find((p) => p.month === month)?.phantoms ?? 0,
    };
  });
};
