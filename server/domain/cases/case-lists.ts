import { and, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ActionChannel, ActionOutcome, CaseStatus } from '@/lib/enums';
import { caseActions, cases, organizations, users } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { maskName } from '../../pii/crypto';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { UNPLACED } from '../packages/packages';
import { bucketSql, daysOverdueSql, inBucket, todayOf } from './ageing';

// Cases as lists show them (DESIGN §5): the name, ID and phone numbers masked; nothing
// here decrypts. An agency sees a case only while it is commissioned to it (DESIGN §1).

const listColumns = (today: string) => ({
  id: cases.id,
  contractNo: cases.contractNo,
  debtorName: cases.debtorName,
  idNumberMasked: cases.idNumberMasked,
  phones: cases.phones,
  amountOverdue: cases.amountOverdue,
  principalOutstanding: cases.principalOutstanding,
  daysOverdue: daysOverdueSql(today),
  bucket: bucketSql(today),
  province: cases.province,
  city: cases.city,
  product: cases.product,
  status: cases.status,
  packageId: cases.packageId,
  collectorId: cases.collectorId,
  createdAt: cases.createdAt,
  // The newest action on the case (any agency's), read backwards on its (case, at) index: one probe a row of the page.
  lastAction: sql<{ at: string; channel: ActionChannel; outcome: ActionOutcome } | null>`(
    select json_build_object('at', a.at, 'channel', a.channel, 'outcome', a.outcome)
    from ${caseActions} a where a.case_id = ${cases.id} order by a.at desc limit 1)`,
});
type Columns = ReturnType<typeof listColumns>;

type Row = {
  [K in keyof Columns]: Columns[K] extends SQL<infer T> ? T : Columns[K] extends { _: { data: infer D } } ? D : never;
} & {
  collectorName: string | null;
  agencyName?: string | null;
};

const toItem = (r: Row) => ({
  id: r.id,
  contractNo: r.contractNo,
  debtorName: maskName(r.debtorName),
  idNumber: r.idNumberMasked,
  phone: r.phones[0]?.masked ?? '',
  phoneCount: r.phones.length,
  amountOverdue: r.amountOverdue,
  principalOutstanding: r.principalOutstanding,
  daysOverdue: r.daysOverdue,
  bucket: r.bucket,
  province: r.province,
  city: r.city,
  product: r.product,
  status: r.status,
  packageId: r.packageId,
  collectorId: r.collectorId,
  collectorName: r.collectorName,
  agencyName: r.agencyName ?? null,
  createdAt: r.createdAt,
  lastAction: r.lastAction
    ? { at: new Date(r.lastAction.at), channel: r.lastAction.channel, outcome: r.lastAction.outcome }
    : null,
});
export type CaseListItem = ReturnType<typeof toItem>;

export type CaseFilters = {
  status?: CaseStatus | undefined;
  bucket?: number | undefined;
  province?: string | undefined;
  packageId?: string | undefined;
  importId?: string | undefined;
  contractNo?: string | undefined;
  isUnplaced?: boolean | undefined;
  collectorId?: string | undefined;
  isUnassigned?: boolean | undefined;
  cursor?: string | null | undefined;
  limit: number;
};

const commonFilters = (f: CaseFilters, today: string): (SQL | undefined)[] => [
  f.status ? eq(cases.status, f.status) : undefined,
  f.bucket !== undefined ? inBucket(f.bucket, today) : undefined,
  f.province ? eq(cases.province, f.province) : undefined,
  f.packageId ? eq(cases.packageId, f.packageId) : undefined,
  f.contractNo ? eq(cases.contractNo, f.contractNo) : undefined,
];

const page = async (db: DbOrTx, where: SQL, f: CaseFilters, withAgency: boolean, today: string) => {
  const cursor = decodeCursor(f.cursor);
  const rows = await db
    .select({
      ...listColumns(today),
      collectorName: users.name,
      ...(withAgency ? { agencyName: organizations.name } : {}),
    })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.collectorId))
    .leftJoin(organizations, eq(organizations.id, cases.agencyId))
    .where(and(where, cursor ? afterCursor(cases.createdAt, cases.id, cursor) : undefined))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(f.limit + 1);
  const p = toPage(rows as Row[], f.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: p.items.map(toItem), nextCursor: p.nextCursor };
};

/** The creditor's own cases, wherever they are placed. */
export const listCreditorCases = (db: DbOrTx, caller: Caller, f: CaseFilters, now = new Date()) => {
  const today = todayOf(now);
  return page(
    db,
    and(
      eq(cases.creditorId, caller.actor.orgId),
      ...commonFilters(f, today),
      f.importId ? eq(cases.importId, f.importId) : undefined,
      f.isUnplaced ? UNPLACED : undefined,
    ) as SQL,
    f,
    true,
    today,
  );
};

/**
 * Cases commissioned to the caller's agency. Collectors see only those assigned to them;
 * admins and supervisors see all, and may filter by collector or the unassigned ones.
 */
export const listAgencyCases = (db: DbOrTx, caller: Caller, f: CaseFilters, now = new Date()) => {
  const today = todayOf(now);
  const seesAll = hasPermission(caller.actor, 'cases.assign');
  return page(
    db,
    and(
      eq(cases.agencyId, caller.actor.orgId),
      isNotNull(cases.commissionId),
      seesAll ? undefined : eq(cases.collectorId, caller.actor.userId),
      seesAll && f.collectorId ? eq(cases.collectorId, f.collectorId) : undefined,
      seesAll && f.isUnassigned ? isNull(cases.collectorId) : undefined,
      ...commonFilters(f, today),
    ) as SQL,
    f,
    false,
    today,
  );
};
