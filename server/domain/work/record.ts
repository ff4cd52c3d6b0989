import { bucketOf } from '@/lib/cases';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import type { VisitStatus } from '@/lib/enums';
import {
  caseActions,
  caseFlags,
  cases,
  fieldVisits,
  fieldVisitStaff,
  organizations,
  packages,
  users,
  visitEvidence,
} from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAuditAlone } from '../../audit/write';
import { DomainError } from '../../errors';
import { maskName } from '../../pii/crypto';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { DEFAULT_TIME_ZONE, daysOverdueNow } from './case-access';
import { amountDue, repaymentsOfCase } from '../money/repayments';
import { actionView } from './actions';
import { plansOfCase } from './plans';
import { holdsOfCase } from './holds';
import { contactRequestsOfCase } from './contact-requests';
import { visitsOfCase } from './visits';
import { changesOfCase } from '../cases/changes';

// A case's whole record as its creditor and the platform's auditors and complaint handlers
// read it: every agency's actions, visits and evidence, numbers masked. Creditors read
// their own cases only (another creditor's answers NOT_FOUND); staff read any case, and
// each staff read of a case is audited.

const agencies = alias(organizations, 'agency');

const loadRecordCase = async (db: DbOrTx, caller: Caller, caseId: string) => {
  const isCreditor = caller.actor.orgType === 'creditor';
  const [found] = await db
    .select({ row: cases, agencyName: agencies.name, packageName: packages.name, creditorName: organizations.name })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.creditorId))
    .leftJoin(agencies, eq(agencies.id, cases.agencyId))
    .leftJoin(packages, eq(packages.id, cases.packageId))
    .where(and(eq(cases.id, caseId), isCreditor ? eq(cases.creditorId, caller.actor.orgId) : undefined));
  if (!found || (!isCreditor && caller.actor.orgType !== 'platform'))
    throw new DomainError('case.notFound', { field: 'caseId' });
  return found;
};

/** The case's figures and placement, numbers masked. Staff reads are audited. */
export const getCaseRecord = async (db: DbOrTx, caller: Caller, caseId: string, now = new Date()) => {
  const { row: r, agencyName, packageName, creditorName } = await loadRecordCase(db, caller, caseId);
  if (caller.actor.orgType === 'platform') {
    await writeAuditAlone(db, caller, {
      action: 'case.read',
      resourceType: 'case',
      resourceId: r.id,
      orgId: r.creditorId,
    });
  }
  return {
    id: r.id,
    contractNo: r.contractNo,
    creditorName,
    debtorName: maskName(r.debtorName),
    idNumber: r.idNumberMasked,
    phones: r.phones.map((p) => p.masked),
    // Each number with where it came from and, once retired, since when (positions never move).
    numbers: r.phones.map((p, index) => ({
      index,
      masked: p.masked,
      source: p.source ?? null,
      addedAt: p.addedAt ?? null,
      retiredAt: p.retiredAt ?? null,
    })),
    address: r.address,
    loanAmount: r.loanAmount,
    principalOutstanding: r.principalOutstanding,
    amountOverdue: r.amountOverdue,
    daysOverdue: daysOverdueNow(r, now),
    bucket: bucketOf(daysOverdueNow(r, now)),
    province: r.province,
    city: r.city,
    product: r.product,
    status: r.status,
    timeZone: r.timeZone ?? DEFAULT_TIME_ZONE,
    agencyName,
    repaidAmount: r.repaidAmount,
    amountDue: await amountDue(db, r),
    packageId: r.packageId,
    packageName,
    closedOn: r.closedOn,
    closedReason: r.closedReason,
    planBrokenOn: r.planBrokenOn,
    plans: await plansOfCase(db, r.id),
    holds: await holdsOfCase(db, r.id),
    contactRequests: await contactRequestsOfCase(db, r.id),
  };
};

/** Every agency's actions on the case, newest first, with who logged them for which agency. */
export const listRecordActions = async (
  db: DbOrTx,
  caller: Caller,
  input: { caseId: string; cursor?: string | null | undefined; limit: number },
) => {
  const { row } = await loadRecordCase(db, caller, input.caseId);
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({ action: caseActions, actorName: users.name, agencyName: organizations.name })
    .from(caseActions)
    .innerJoin(users, eq(users.id, caseActions.actorId))
    .innerJoin(organizations, eq(organizations.id, caseActions.agencyId))
    .where(
      and(eq(caseActions.caseId, row.id), cursor ? afterCursor(caseActions.at, caseActions.id, cursor) : undefined),
    )
    .orderBy(desc(caseActions.at), desc(caseActions.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.action.at, id: r.action.id }));
  return {
    items: page.items.map(({ action, actorName, agencyName }) => ({ ...actionView(action), actorName, agencyName })),
    nextCursor: page.nextCursor,
  };
};

/** Every agency's field visits on the case with their staff, evidence and flags. */
export const listRecordVisits = async (db: DbOrTx, caller: Caller, caseId: string) => {
  const { row } = await loadRecordCase(db, caller, caseId);
  const visits = await visitsOfCase(db, row.id);
  const ids = [...new Set(visits.map((v) => v.agencyId))];
  const names = ids.length
    ? await db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(inArray(organizations.id, ids))
    : [];
  return visits.map((v) => ({ ...v, agencyName: names.find((n) => n.id === v.agencyId)?.name ?? '' }));
};

const creditors = alias(organizations, 'creditor');

/**
 * Field visits across the creditor's cases (a creditor) or the whole platform (auditors
 * and complaint handlers), newest plan first: the place to find visits whose evidence
 * is missing. Each row counts its staff and evidence by kind and carries its flags.
 */
export const listVisits = async (
  db: DbOrTx,
  caller: Caller,
  input: {
    status?: VisitStatus | undefined;
    isFlaggedOnly?: boolean | undefined;
    cursor?: string | null | undefined;
    limit: number;
  },
) => {
  if (caller.actor.orgType !== 'creditor' && caller.actor.orgType !== 'platform')
    return { items: [], nextCursor: null };
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({
      id: fieldVisits.id,
      caseId: fieldVisits.caseId,
      contractNo: cases.contractNo,
      debtorName: cases.debtorName,
      timeZone: cases.timeZone,
      agencyName: agencies.name,
      creditorName: creditors.name,
      status: fieldVisits.status,
      plannedFor: fieldVisits.plannedFor,
      visitedAt: fieldVisits.visitedAt,
      address: fieldVisits.address,
      staff: sql<number>`(select count(*)::int from ${fieldVisitStaff} s where s.visit_id = ${fieldVisits.id})`,
      photos: sql<number>`(select count(*)::int from ${visitEvidence} e where e.visit_id = ${fieldVisits.id} and e.kind = 'photo')`,
      audio: sql<number>`(select count(*)::int from ${visitEvidence} e where e.visit_id = ${fieldVisits.id} and e.kind = 'audio')`,
      video: sql<number>`(select count(*)::int from ${visitEvidence} e where e.visit_id = ${fieldVisits.id} and e.kind = 'video')`,
      flags: sql<
        { rule: string; values: Record<string, string | number> }[]
      >`coalesce((select jsonb_agg(jsonb_build_object('rule', f.rule, 'values', f.values)) from ${caseFlags} f where f.visit_id = ${fieldVisits.id}), '[]'::jsonb)`,
    })
    .from(fieldVisits)
    .innerJoin(cases, eq(cases.id, fieldVisits.caseId))
    .innerJoin(agencies, eq(agencies.id, fieldVisits.agencyId))
    .innerJoin(creditors, eq(creditors.id, fieldVisits.creditorId))
    .where(
      and(
        caller.actor.orgType === 'creditor' ? eq(fieldVisits.creditorId, caller.actor.orgId) : undefined,
        input.status ? eq(fieldVisits.status, input.status) : undefined,
        input.isFlaggedOnly
          ? sql`exists (select 1 from ${caseFlags} f where f.visit_id = ${fieldVisits.id})`
          : undefined,
        cursor ? afterCursor(fieldVisits.plannedFor, fieldVisits.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(fieldVisits.plannedFor), desc(fieldVisits.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.plannedFor, id: r.id }));
  return {
    items: page.items.map((r) => ({
      ...r,
      debtorName: maskName(r.debtorName),
      timeZone: r.timeZone ?? DEFAULT_TIME_ZONE,
    })),
    nextCursor: page.nextCursor,
  };
};

/** Every change of the debtor's data on the case (numbers, addresses, contacts, balances), newest first. */
export const listRecordChanges = async (db: DbOrTx, caller: Caller, caseId: string) => {
  const { row } = await loadRecordCase(db, caller, caseId);
  return changesOfCase(db, row.id);
};

/** Every repayment on the case, reported or recorded, with its decision. */
export const listRecordRepayments = async (db: DbOrTx, caller: Caller, caseId: string) => {
  const { row } = await loadRecordCase(db, caller, caseId);
  return repaymentsOfCase(db, row.id);
};
