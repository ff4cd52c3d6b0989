import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '@/lib/enums';
import { BASIS_POINTS } from '@/lib/rates';
import { complaints, disclosures, organizations } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { isUniqueViolation } from '../shared/db-errors';
import { executeRows } from '../shared/execute';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { MONTH_PATTERN, addMonths, monthEnd, monthOf, monthStartsAt } from '@/lib/months';

// The monthly collection disclosure (每月催收数据公布): per creditor and ended month, the
// cases under collection and newly placed, the money recovered and its rate, the agencies
// used, and the cases settled or closed as unrecoverable; the platform-wide version sums every creditor. A creditor
// may publish its report: the figures are then frozen for the public page.

export type DisclosureRow = {
  id: string;
  name: string;
  cases: number;
  amount: number;
  recovered: number;
  rateBp: number;
};
export type DisclosureFigures = {
  month: string;
  /** The creditor's name, or null for the platform-wide report. */
  creditorName: string | null;
  placements: { commissions: number; cases: number; amount: number };
  underCollection: { cases: number; amount: number };
  recovered: { amount: number; repayments: number; rateBp: number; commission: number };
  settledCases: number;
  /** Cases the creditor closed as unrecoverable (核销) in the month, by the Beijing day it did. */
  unrecoverableCases: number;
  /** Complaints about collection on the creditor's cases (platform-wide: all): received in the month, decided in it, still open at its end. */
  complaints: DisclosureComplaints;
  agencies: DisclosureRow[];
  /** Platform-wide only: one row per creditor. */
  creditors: DisclosureRow[];
};

export type DisclosureComplaints = {
  received: number;
  upheld: number;
  dismissed: number;
  openAtEnd: number;
  byCategory: { category: ComplaintCategory; received: number; upheld: number; dismissed: number }[];
};
const NO_COMPLAINTS: DisclosureComplaints = { received: 0, upheld: 0, dismissed: 0, openAtEnd: 0, byCategory: [] };

const num = (v: unknown) => Number(v ?? 0);
const rate = (recovered: number, amount: number) => (amount > 0 ? Math.round((recovered * BASIS_POINTS) / amount) : 0);

/** Refuses a month that is malformed, or has not ended in Beijing. */
const endedMonth = (month: string, now: Date) => {
  if (!MONTH_PATTERN.test(month)) throw new DomainError('disclosure.month', { field: 'month' });
  if (month >= monthOf(now)) throw new DomainError('disclosure.monthOpen', { field: 'month', values: { month } });
};

type PartyRow = {
  id: string;
  name: string;
  cases: string | number;
  amount: string | number;
  recovered: string | number;
};

/**
 * The month's figures of one creditor, or of every creditor (`creditorId` null). Cases
 * under collection are those of commissions whose term touched the month and had not
 * ended before it; money is the confirmed recovery by the day it was paid (reversals
 * taken off), read from the monthly rollup.
 */
export const disclosureFigures = async (
  db: DbOrTx,
  creditorId: string | null,
  month: string,
  creditorName: string | null,
): Promise<DisclosureFigures> => {
  const start = `${month}-01`;
  const end = monthEnd(month);
  const ofCreditor = creditorId ? sql`and c.creditor_id = ${creditorId}` : sql``;
  const ofCreditorMoney = creditorId ? sql`and m.creditor_id = ${creditorId}` : sql``;
  const active = sql`c.starts_on <= ${end}::date and c.ends_on >= ${start}::date and (c.ended_at is null or c.ended_at >= ${start}::date) ${ofCreditor}`;
  const [placed] = await executeRows<{ n: string; cases: string; amount: string }>(
    db,
    sql`select count(*) as n, coalesce(sum(case_count), 0) as cases, coalesce(sum(total_overdue), 0) as amount
        from commissions c where c.starts_on between ${start}::date and ${end}::date ${ofCreditor}`,
  );
  const party = (key: 'agency_id' | 'creditor_id') =>
    executeRows<PartyRow>(
      db,
      sql`with a as (
            select c.${sql.raw(key)} as id, sum(c.case_count) as cases, sum(c.total_overdue) as amount from commissions c where ${active} group by 1
          ), r as (
            select m.${sql.raw(key)} as id, sum(m.recovered) as recovered from money_monthly m where m.month = ${month} ${ofCreditorMoney} group by 1
          )
          select o.id, o.name, coalesce(a.cases, 0) as cases, coalesce(a.amount, 0) as amount, coalesce(r.recovered, 0) as recovered
          from a full join r on r.id = a.id join ${organizations} o on o.id = coalesce(a.id, r.id)
          order by coalesce(r.recovered, 0) desc, o.name`,
    );
  const toRow = (p: PartyRow): DisclosureRow => ({
    id: p.id,
    name: p.name,
    cases: num(p.cases),
    amount: num(p.amount),
    recovered: num(p.recovered),
    rateBp: rate(num(p.recovered), num(p.amount)),
  });
  const agencies = (await party('agency_id')).map(toRow);
  const creditors = creditorId ? [] : (await party('creditor_id')).map(toRow);
  const [money] = await executeRows<{ recovered: string; repayments: string; commission: string }>(
    db,
    sql`select coalesce(sum(recovered), 0) as recovered, coalesce(sum(repayments), 0) as repayments, coalesce(sum(commission), 0) as commission
        from money_monthly m where m.month = ${month} ${ofCreditorMoney}`,
  );
  // Two counts, each over its own partial index (cases_settled_idx, cases_closed_idx).
  const ofCase = creditorId ? sql`creditor_id = ${creditorId} and` : sql``;
  const [ended] = await executeRows<{ settled: string; unrecoverable: string }>(
    db,
    sql`select (select count(*) from cases where ${ofCase} settled_on between ${start}::date and ${end}::date) as settled,
               (select count(*) from cases where ${ofCase} closed_on between ${start}::date and ${end}::date) as unrecoverable`,
  );
  const complaintCounts = await complaintFigures(db, creditorId, month);
  const underCases = agencies.reduce((s, a) => s + a.cases, 0);
  const underAmount = agencies.reduce((s, a) => s + a.amount, 0);
  const recovered = num(money?.recovered);
  return {
    month,
    creditorName,
    placements: { commissions: num(placed?.n), cases: num(placed?.cases), amount: num(placed?.amount) },
    underCollection: { cases: underCases, amount: underAmount },
    recovered: {
      amount: recovered,
      repayments: num(money?.repayments),
      rateBp: rate(recovered, underAmount),
      commission: num(money?.commission),
    },
    settledCases: num(ended?.settled),
    unrecoverableCases: num(ended?.unrecoverable),
    complaints: complaintCounts,
    agencies,
    creditors,
  };
};

/** Figures as they were published; those stored before a figure existed read it as 0. */
const asPublished = (stored: unknown): DisclosureFigures => {
  const f = stored as Omit<DisclosureFigures, 'unrecoverableCases' | 'complaints'> & {
    unrecoverableCases?: number;
    complaints?: DisclosureComplaints;
  };
  return { ...f, unrecoverableCases: f.unrecoverableCases ?? 0, complaints: f.complaints ?? NO_COMPLAINTS };
};

type ComplaintRow = {
  category: ComplaintCategory;
  received: string;
  upheld: string;
  dismissed: string;
  open_at_end: string;
};

/**
 * The month's complaints (Beijing month): received in it by category, decided upheld or
 * dismissed in it (whenever received), and those received by its end still undecided then.
 */
const complaintFigures = async (
  db: DbOrTx,
  creditorId: string | null,
  month: string,
): Promise<DisclosureComplaints> => {
  // Timestamps travel as ISO text with a cast: postgres-js takes no Date in a raw statement.
  const from = sql`${monthStartsAt(month).toISOString()}::timestamptz`;
  const to = sql`${monthStartsAt(addMonths(month, 1)).toISOString()}::timestamptz`;
  const ofCreditor = creditorId ? sql`and creditor_id = ${creditorId}` : sql``;
  const rows = await executeRows<ComplaintRow>(
    db,
    sql`select category,
               count(*) filter (where received_at >= ${from} and received_at < ${to}) as received,
               count(*) filter (where outcome = 'upheld' and decided_at >= ${from} and decided_at < ${to}) as upheld,
               count(*) filter (where outcome = 'dismissed' and decided_at >= ${from} and decided_at < ${to}) as dismissed,
               count(*) filter (where received_at < ${to} and (decided_at is null or decided_at >= ${to})) as open_at_end
        from ${complaints}
        where received_at < ${to} and (decided_at is null or decided_at >= ${from}) ${ofCreditor}
        group by category`,
  );
  const byCategory = COMPLAINT_CATEGORIES.map((category) => {
    const r = rows.find((x) => x.category === category);
    return {
      category,
      received: num(r?.received),
      upheld: num(r?.upheld),
      dismissed: num(r?.dismissed),
      open: num(r?.open_at_end),
    };
  }).filter((r) => r.received + r.upheld + r.dismissed + r.open > 0);
  const sum = (k: 'received' | 'upheld' | 'dismissed' | 'open') => byCategory.reduce((s, r) => s + r[k], 0);
  return {
    received: sum('received'),
    upheld: sum('upheld'),
    dismissed: sum('dismissed'),
    openAtEnd: sum('open'),
    byCategory: byCategory.map(({ category, received, upheld, dismissed }) => ({
      category,
      received,
      upheld,
      dismissed,
    })),
  };
};

const orgName = async (db: DbOrTx, id: string) =>
  (await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, id)))[0]?.name ?? '';

/** The caller's report for an ended month: its creditor's, or the platform's for staff; with its publication, if any. */
export const getDisclosure = async (db: DbOrTx, caller: Caller, month: string, now = new Date()) => {
  endedMonth(month, now);
  if (caller.actor.orgType === 'platform')
    return { figures: await disclosureFigures(db, null, month, null), published: null };
  const figures = await disclosureFigures(db, caller.actor.orgId, month, await orgName(db, caller.actor.orgId));
  const [published] = await db
    .select({ id: disclosures.id, publishedAt: disclosures.publishedAt })
    .from(disclosures)
    .where(and(eq(disclosures.creditorId, caller.actor.orgId), eq(disclosures.month, month)));
  return { figures, published: published ?? null };
};

/** The creditor publishes its month's aggregate figures on the public page, once; they are frozen as published. */
export const publishDisclosure = async (db: DbOrTx, caller: Caller, month: string, now = new Date()) => {
  endedMonth(month, now);
  return db.transaction(async (tx) => {
    const figures = await disclosureFigures(tx, caller.actor.orgId, month, await orgName(tx, caller.actor.orgId));
    try {
      const [saved] = await tx
        .insert(disclosures)
        .values({ creditorId: caller.actor.orgId, month, figures, publishedBy: caller.actor.userId, publishedAt: now })
        .returning();
      if (!saved) throw new DomainError('disclosure.published');
      await writeAudit(tx, caller, {
        action: 'disclosure.publish',
        resourceType: 'disclosure',
        resourceId: saved.id,
        orgId: caller.actor.orgId,
        after: { month, recovered: figures.recovered.amount, underCollection: figures.underCollection.cases },
      });
      return { id: saved.id, publishedAt: saved.publishedAt };
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError('disclosure.published', { values: { month } });
      throw e;
    }
  });
};

/** Published disclosures of every creditor, newest first, for the public page (keyset-paged). */
export const listPublishedDisclosures = async (
  db: DbOrTx,
  input: { cursor?: string | null | undefined; limit: number },
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({
      id: disclosures.id,
      month: disclosures.month,
      creditorName: organizations.name,
      figures: disclosures.figures,
      publishedAt: disclosures.publishedAt,
    })
    .from(disclosures)
    .innerJoin(organizations, eq(organizations.id, disclosures.creditorId))
    .where(cursor ? afterCursor(disclosures.publishedAt, disclosures.id, cursor) : undefined)
    .orderBy(desc(disclosures.publishedAt), desc(disclosures.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.publishedAt, id: r.id }));
  return { items: page.items.map((r) => ({ ...r, figures: asPublished(r.figures) })), nextCursor: page.nextCursor };
};

/** One published disclosure, as it was published. */
export const getPublishedDisclosure = async (db: DbOrTx, id: string) => {
  const [row] = await db
    .select({
      id: disclosures.id,
      month: disclosures.month,
      creditorName: organizations.name,
      figures: disclosures.figures,
      publishedAt: disclosures.publishedAt,
    })
    .from(disclosures)
    .innerJoin(organizations, eq(organizations.id, disclosures.creditorId))
    .where(eq(disclosures.id, id));
  if (!row) throw new DomainError('disclosure.notFound');
  return { ...row, figures: asPublished(row.figures) };
};
