import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cases, packages, type Package, type PackageFigures } from '@/db/schema';
import { executeRows } from '../shared/execute';
import { bucketSql, daysOverdueSql, todayOf } from '../cases/ageing';

type Group = { key: string | number | null; n: number | string; amount: number | string | null };

const grouped = (rows: Group[]) =>
  Object.fromEntries(rows.map((r) => [String(r.key ?? ''), { count: Number(r.n), amount: Number(r.amount ?? 0) }]));

/**
 * Case count, totals, average days overdue and the distribution by bucket and province of a
 * set of cases, their ages counted on `today` (Beijing).
 */
export const figuresWhere = async (db: DbOrTx, where: SQL, today: string): Promise<PackageFigures> => {
  const [total] = await executeRows<{
    n: number | string;
    overdue: number | string | null;
    principal: number | string | null;
    avg: number | string | null;
  }>(
    db,
    sql`select count(*) as n, sum(${cases.amountOverdue}) as overdue, sum(${cases.principalOutstanding}) as principal, round(avg(${daysOverdueSql(today)})) as avg from ${cases} where ${where}`,
  );
  const byBucket = await executeRows<Group>(
    db,
    sql`select ${bucketSql(today)} as key, count(*) as n, sum(${cases.amountOverdue}) as amount from ${cases} where ${where} group by 1 order by 1`,
  );
  const byProvince = await executeRows<Group>(
    db,
    sql`select ${cases.province} as key, count(*) as n, sum(${cases.amountOverdue}) as amount from ${cases} where ${where} group by 1 order by 2 desc`,
  );
  return {
    asOf: today,
    caseCount: Number(total?.n ?? 0),
    totalOverdue: Number(total?.overdue ?? 0),
    totalPrincipal: Number(total?.principal ?? 0),
    avgDaysOverdue: Number(total?.avg ?? 0),
    byBucket: grouped(byBucket),
    byProvince: grouped(byProvince),
  };
};

export const packageFigures = (db: DbOrTx, packageId: string, now = new Date()) =>
  figuresWhere(db, sql`${cases.packageId} = ${packageId}`, todayOf(now));

/**
 * Packages with their figures as of today: those counted on an earlier day are counted
 * again and kept (one statement per package, the first read of the day; the package's
 * cases are found by their index). Nothing else of the package changes.
 */
export const withFreshFigures = async <T extends Pick<Package, 'id' | 'figures'>>(
  db: DbOrTx,
  pkgs: T[],
  now = new Date(),
): Promise<T[]> => {
  const today = todayOf(now);
  const stale = pkgs.filter((p) => p.figures.asOf !== today && p.figures.caseCount > 0);
  if (stale.length === 0) return pkgs;
  const fresh = new Map<string, PackageFigures>();
  for (const p of stale) {
    const figures = await packageFigures(db, p.id, now);
    fresh.set(p.id, figures);
    await db
      .update(packages)
      .set({ figures })
      .where(
        and(
          eq(packages.id, p.id),
          or(sql`${packages.figures}->>'asOf' is null`, sql`${packages.figures}->>'asOf' < ${today}`),
        ),
      );
  }
  return pkgs.map((p) => {
    const figures = fresh.get(p.id);
    return figures ? { ...p, figures } : p;
  });
};

/** Whether a package holds a case in `bucket` today (a live look at its cases, by their index). */
export const packageHasBucket = (bucketFilter: SQL) =>
  sql`exists (select 1 from ${cases} where ${cases.packageId} = ${packages.id} and ${bucketFilter})`;
