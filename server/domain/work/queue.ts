import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { CaseStatus } from '@/lib/enums';
import { caseActions, cases, promises } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { maskName } from '../../pii/crypto';
import { shanghaiDate } from '@/lib/dates';
import { cursorParts, invalidCursor, isUuid } from '../shared/keyset';
import { executeRows } from '../shared/execute';
import { bucketSql, daysOverdueSql } from '../cases/ageing';

// The collector's queue (issue: collector's queue): their own commissioned cases, what is
// due first — promises due today, new cases, broken promises, other promises — then the
// oldest debts. Paged by keyset on (priority, bucket, id).

export const QUEUE_REASONS = ['promiseDueToday', 'new', 'promiseBroken', 'promiseOpen', 'other'] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

type Cursor = { p: number; b: number; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify([c.p, c.b, c.id])).toString('base64url');
// Priority is 0–4 and the bucket 0–12 (as of today); a little room either way, never a number SQL cannot hold.
const small = (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) <= 1000;
const decode = (raw: string | null | undefined): Cursor | null => {
  if (!raw) return null;
  const [p, b, id] = cursorParts(raw, 3);
  if (!small(p) || !small(b) || !isUuid(id)) throw invalidCursor();
  return { p, b, id };
};

type Row = {
  id: string;
  contract_no: string;
  debtor_name: string;
  amount_overdue: number | string;
  days_overdue: number;
  bucket: number;
  status: CaseStatus;
  priority: number;
  next_promise: string | null;
  promise_amount: number | string | null;
};

/** `张*三` (as a masked name is shown) or `张` → a LIKE pattern on the name; anything else searches contract numbers. */
const searchOf = (q: string | undefined) => {
  const v = q?.trim();
  if (!v) return sql`true`;
  const escaped = v.replace(/[\\%_]/g, (c) => `\\${c}`);
  if (/^[\p{Script=Han}*]+$/u.test(v))
    return sql`c.debtor_name like ${`${escaped.replace(/\*+/g, '%')}${v.includes('*') ? '' : '%'}`}`;
  return sql`c.contract_no like ${`${escaped}%`}`;
};

export const listQueue = async (
  db: DbOrTx,
  caller: Caller,
  input: { search?: string | undefined; cursor?: string | null | undefined; limit: number },
  now = new Date(),
) => {
  const today = shanghaiDate(now);
  const since = sql`c.overdue_since`;
  const cursor = decode(input.cursor);
  const rows = await executeRows<Row>(
    db,
    sql`
    select * from (
      select c.id, c.contract_no, c.debtor_name, c.amount_overdue, ${daysOverdueSql(today, since)} as days_overdue,
        ${bucketSql(today, since)} as bucket, c.status,
        case
          when exists (select 1 from ${promises} p where p.case_id = c.id and p.agency_id = c.agency_id and p.status = 'open' and p.due_date = ${today}::date) then 0
          when not exists (select 1 from ${caseActions} a where a.case_id = c.id and a.agency_id = c.agency_id) then 1
          when exists (select 1 from ${promises} p where p.case_id = c.id and p.agency_id = c.agency_id and p.status = 'broken')
           and not exists (select 1 from ${promises} p where p.case_id = c.id and p.agency_id = c.agency_id and p.status = 'open') then 2
          when exists (select 1 from ${promises} p where p.case_id = c.id and p.agency_id = c.agency_id and p.status = 'open') then 3
          else 4
        end as priority,
        (select min(p.due_date)::text from ${promises} p where p.case_id = c.id and p.agency_id = c.agency_id and p.status = 'open') as next_promise,
        (select p.amount from ${promises} p where p.case_id = c.id and p.agency_id = c.agency_id and p.status = 'open' order by p.due_date limit 1) as promise_amount
      from ${cases} c
      where c.agency_id = ${caller.actor.orgId} and c.commission_id is not null and c.collector_id = ${caller.actor.userId} and ${searchOf(input.search)}
    ) q
    ${cursor ? sql`where (q.priority, -q.bucket, q.id) > (${cursor.p}, ${-cursor.b}, ${cursor.id}::uuid)` : sql``}
    order by q.priority, q.bucket desc, q.id
    limit ${input.limit + 1}`,
  );
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: r.id,
      contractNo: r.contract_no,
      debtorName: maskName(r.debtor_name),
      amountOverdue: Number(r.amount_overdue),
      daysOverdue: r.days_overdue,
      bucket: r.bucket,
      status: r.status,
      reason: QUEUE_REASONS[r.priority] ?? 'other',
      nextPromise: r.next_promise,
      promiseAmount: r.promise_amount === null ? null : Number(r.promise_amount),
    })),
    nextCursor: rows.length > input.limit && last ? encode({ p: last.priority, b: last.bucket, id: last.id }) : null,
  };
};
