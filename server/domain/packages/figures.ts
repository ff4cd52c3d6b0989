import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cases, type PackageFigures } from '@/db/schema';
import { executeRows } from '../shared/execute';

type Group = { key: string | number | null; n: number | string; amount: number | string | null };

const grouped = (rows: Group[]) =>
  Object.fromEntries(rows.map((r) => [String(r.key ?? ''), { count: Number(r.n), amount: Number(r.amount ?? 0) }]));

/** Case count, totals, average days overdue and the distribution by bucket and province of a set of cases. */
export const figuresWhere = async (db: DbOrTx, where: ReturnType<typeof sql>): Promise<PackageFigures> => {
  const [total] = await executeRows<{
    n: number | string;
    overdue: number | string | null;
    principal: number | string | null;
    avg: number | string | null;
  }>(
    db,
    sql`select count(*) as n, sum(${cases.amountOverdue}) as overdue, sum(${cases.principalOutstanding}) as principal, round(avg(${cases.daysOverdue})) as avg from ${cases} where ${where}`,
  );
  const byBucket = await executeRows<Group>(
    db,
    sql`select ${cases.bucket} as key, count(*) as n, sum(${cases.amountOverdue}) as amount from ${cases} where ${where} group by 1 order by 1`,
  );
  const byProvince = await executeRows<Group>(
    db,
    sql`select ${cases.province} as key, count(*) as n, sum(${cases.amountOverdue}) as amount from ${cases} where ${where} group by 1 order by 2 desc`,
  );
  return {
    caseCount: Number(total?.n ?? 0),
    totalOverdue: Number(total?.overdue ?? 0),
    totalPrincipal: Number(total?.principal ?? 0),
    avgDaysOverdue: Number(total?.avg ?? 0),
    byBucket: grouped(byBucket),
    byProvince: grouped(byProvince),
  };
};

export const packageFigures = (db: DbOrTx, packageId: string) =>
  figuresWhere(db, sql`${cases.packageId} = ${packageId}`);
