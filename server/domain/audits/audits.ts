import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import type { AuditFinding, AuditStatus, ComplaintCategory } from '@/lib/enums';
import {
  caseActions,
  cases,
  fieldAuditItems,
  fieldAudits,
  fieldVisits,
  organizations,
  users,
  type FieldAudit,
} from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { fileOrgComplaint } from '../complaints/file-org';
import { DAY_MS, endOfShanghaiDay, shanghaiDate, startOfShanghaiDay } from '@/lib/dates';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';

// Field audits (稽核, DESIGN §3 and the 外访稽核 team of the seed articles): an auditor
// samples an agency's work in a period — a random share of its recorded visits and its
// collection actions, or everything on chosen cases — reviews each record with its
// evidence, and records pass, issue or violation. A violation goes on as a complaint
// against the agency (or a sanction proposal citing the finding). The completed audit is
// the agency's audit report.

/** At most this many records in one audit: a reviewer works through them one by one. */
export const MAX_AUDIT_ITEMS = 500;
const MAX_PERIOD_DAYS = 366;

export type AuditSample =
  | { method: 'random'; agencyId: string; periodFrom: string; periodTo: string; sampleBp: number }
  | { method: 'chosen'; agencyId: string; periodFrom: string; periodTo: string; contractNos: string[] };

/** How many of `total` records a share draws: at least one when there is any. */
export const sampleSize = (total: number, sampleBp: number) =>
  total === 0 ? 0 : Math.min(total, Math.max(1, Math.ceil((total * sampleBp) / 10_000)));

const checkPeriod = (from: string, to: string, now: Date) => {
  if (from > to) throw new DomainError('audit.period', { field: 'periodTo' });
  if (to > shanghaiDate(now)) throw new DomainError('audit.periodFuture', { field: 'periodTo' });
  if ((startOfShanghaiDay(to).getTime() - startOfShanghaiDay(from).getTime()) / DAY_MS > MAX_PERIOD_DAYS)
    throw new DomainError('audit.periodTooLong', { field: 'periodFrom', values: { days: MAX_PERIOD_DAYS } });
};

/**
 * Creates the audit and draws its sample in one transaction. Visits count once recorded
 * (their evidence is what is checked); actions include corrections, which are records too.
 * Random draws use the database's random order over the period's records of the agency.
 */
export const createAudit = async (db: DbOrTx, caller: Caller, input: AuditSample, now = new Date()) => {
  checkPeriod(input.periodFrom, input.periodTo, now);
  const [agency] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, input.agencyId), eq(organizations.type, 'agency')));
  if (!agency) throw new DomainError('org.notFound', { field: 'agencyId' });
  const from = startOfShanghaiDay(input.periodFrom);
  const to = endOfShanghaiDay(input.periodTo);
  return db.transaction(async (tx) => {
    let caseIds: string[] = [];
    if (input.method === 'chosen') {
      const wanted = [...new Set(input.contractNos.map((c) => c.trim()).filter(Boolean))];
      if (wanted.length === 0) throw new DomainError('audit.noCases', { field: 'contractNos' });
      // Cases the agency worked (an action in the period); a number it never touched is named back.
      const found = await tx
        .selectDistinct({ id: cases.id, contractNo: cases.contractNo })
        .from(cases)
        .innerJoin(caseActions, and(eq(caseActions.caseId, cases.id), eq(caseActions.agencyId, input.agencyId)))
        .where(inArray(cases.contractNo, wanted));
      const missing = wanted.filter((w) => !found.some((f) => f.contractNo === w));
      if (missing.length > 0)
        throw new DomainError('audit.caseNotWorked', {
          field: 'contractNos',
          values: { contractNos: missing.slice(0, 5).join('、') },
        });
      caseIds = found.map((f) => f.id);
    }
    const visitScope = and(
      eq(fieldVisits.agencyId, input.agencyId),
      eq(fieldVisits.status, 'visited'),
      gte(fieldVisits.visitedAt, from),
      lt(fieldVisits.visitedAt, to),
      caseIds.length ? inArray(fieldVisits.caseId, caseIds) : undefined,
    );
    const actionScope = and(
      eq(caseActions.agencyId, input.agencyId),
      gte(caseActions.at, from),
      lt(caseActions.at, to),
      caseIds.length ? inArray(caseActions.caseId, caseIds) : undefined,
    );
    const [visitTotal] = await tx.select({ n: count() }).from(fieldVisits).where(visitScope);
    const [actionTotal] = await tx.select({ n: count() }).from(caseActions).where(actionScope);
    const share = input.method === 'random' ? input.sampleBp : 10_000;
    const visitN = Math.min(sampleSize(visitTotal?.n ?? 0, share), MAX_AUDIT_ITEMS);
    const actionN = Math.min(sampleSize(actionTotal?.n ?? 0, share), MAX_AUDIT_ITEMS - visitN);
    if (visitN + actionN === 0) throw new DomainError('audit.emptySample', { field: 'periodFrom' });
    const pick = input.method === 'random' ? sql`random()` : sql`1`;
    const visits = visitN
      ? await tx
          .select({ id: fieldVisits.id, caseId: fieldVisits.caseId })
          .from(fieldVisits)
          .where(visitScope)
          .orderBy(pick)
          .limit(visitN)
      : [];
    const actions = actionN
      ? await tx
          .select({ id: caseActions.id, caseId: caseActions.caseId })
          .from(caseActions)
          .where(actionScope)
          .orderBy(pick, asc(caseActions.at))
          .limit(actionN)
      : [];
    const [audit] = await tx
      .insert(fieldAudits)
      .values({
        agencyId: input.agencyId,
        method: input.method,
        sampleBp: input.method === 'random' ? input.sampleBp : null,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        caseIds,
        itemCount: visits.length + actions.length,
        createdBy: caller.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!audit) throw new DomainError('audit.notFound');
    await tx.insert(fieldAuditItems).values([
      ...visits.map((v) => ({
        auditId: audit.id,
        kind: 'visit' as const,
        caseId: v.caseId,
        visitId: v.id,
        createdAt: now,
        updatedAt: now,
      })),
      ...actions.map((a) => ({
        auditId: audit.id,
        kind: 'action' as const,
        caseId: a.caseId,
        actionId: a.id,
        createdAt: now,
        updatedAt: now,
      })),
    ]);
    await writeAudit(tx, caller, {
      action: 'audit.create',
      resourceType: 'field_audit',
      resourceId: audit.id,
      orgId: input.agencyId,
      after: {
        method: input.method,
        sampleBp: audit.sampleBp,
        period: [input.periodFrom, input.periodTo],
        visits: visits.length,
        actions: actions.length,
        ofVisits: visitTotal?.n ?? 0,
        ofActions: actionTotal?.n ?? 0,
      },
    });
    return { id: audit.id, itemCount: audit.itemCount };
  });
};

const auditView = (
  a: FieldAudit,
  agencyName: string,
  createdByName: string,
  reviewed: number,
  findings: Record<AuditFinding, number>,
) => ({
  id: a.id,
  agencyId: a.agencyId,
  agencyName,
  method: a.method,
  status: a.status,
  sampleBp: a.sampleBp,
  periodFrom: a.periodFrom,
  periodTo: a.periodTo,
  itemCount: a.itemCount,
  reviewed,
  findings,
  summary: a.summary,
  createdByName,
  createdAt: a.createdAt,
  completedAt: a.completedAt,
});

const findingCounts = (db: DbOrTx, auditIds: string[]) =>
  auditIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ auditId: fieldAuditItems.auditId, finding: fieldAuditItems.finding, n: count() })
        .from(fieldAuditItems)
        .where(inArray(fieldAuditItems.auditId, auditIds))
        .groupBy(fieldAuditItems.auditId, fieldAuditItems.finding);

const tally = (rows: { auditId: string; finding: AuditFinding | null; n: number }[], auditId: string) => {
  const findings: Record<AuditFinding, number> = { pass: 0, issue: 0, violation: 0 };
  let reviewed = 0;
  for (const r of rows.filter((x) => x.auditId === auditId)) {
    if (r.finding) {
      findings[r.finding] += r.n;
      reviewed += r.n;
    }
  }
  return { findings, reviewed };
};

/** Audits, newest first, of every agency or one; keyset-paged. */
export const listAudits = async (
  db: DbOrTx,
  input: {
    agencyId?: string | undefined;
    status?: AuditStatus | undefined;
    cursor?: string | null | undefined;
    limit: number;
  },
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({ a: fieldAudits, agencyName: organizations.name, createdByName: users.name })
    .from(fieldAudits)
    .innerJoin(organizations, eq(organizations.id, fieldAudits.agencyId))
    .innerJoin(users, eq(users.id, fieldAudits.createdBy))
    .where(
      and(
        input.agencyId ? eq(fieldAudits.agencyId, input.agencyId) : undefined,
        input.status ? eq(fieldAudits.status, input.status) : undefined,
        cursor ? afterCursor(fieldAudits.createdAt, fieldAudits.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(fieldAudits.createdAt), desc(fieldAudits.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.a.createdAt, id: r.a.id }));
  const counts = await findingCounts(
    db,
    page.items.map((r) => r.a.id),
  );
  return {
    items: page.items.map((r) => {
      const { findings, reviewed } = tally(counts, r.a.id);
      return auditView(r.a, r.agencyName, r.createdByName, reviewed, findings);
    }),
    nextCursor: page.nextCursor,
  };
};

/** One audit with its tally; NOT_FOUND when there is none. */
export const getAudit = async (db: DbOrTx, auditId: string) => {
  const [row] = await db
    .select({ a: fieldAudits, agencyName: organizations.name, createdByName: users.name })
    .from(fieldAudits)
    .innerJoin(organizations, eq(organizations.id, fieldAudits.agencyId))
    .innerJoin(users, eq(users.id, fieldAudits.createdBy))
    .where(eq(fieldAudits.id, auditId));
  if (!row) throw new DomainError('audit.notFound', { field: 'auditId' });
  const { findings, reviewed } = tally(await findingCounts(db, [auditId]), auditId);
  return auditView(row.a, row.agencyName, row.createdByName, reviewed, findings);
};

const lockAudit = async (tx: Tx, auditId: string) => {
  const [a] = await tx.select().from(fieldAudits).where(eq(fieldAudits.id, auditId)).for('update');
  if (!a) throw new DomainError('audit.notFound', { field: 'auditId' });
  if (a.status !== 'open') throw new DomainError('audit.completed');
  return a;
};

/**
 * Records the finding on one sampled record (again, while the audit is open: the audit
 * log keeps each). An issue or a violation needs a note saying what was wrong.
 */
export const reviewAuditItem = (
  db: DbOrTx,
  caller: Caller,
  input: { itemId: string; finding: AuditFinding; note: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const [found] = await tx
      .select({ auditId: fieldAuditItems.auditId })
      .from(fieldAuditItems)
      .where(eq(fieldAuditItems.id, input.itemId));
    if (!found) throw new DomainError('audit.itemNotFound', { field: 'itemId' });
    const audit = await lockAudit(tx, found.auditId);
    // Read under the audit's lock, so that the audit row's "before" is the finding this review replaces.
    const [item] = await tx.select().from(fieldAuditItems).where(eq(fieldAuditItems.id, input.itemId));
    if (!item) throw new DomainError('audit.itemNotFound', { field: 'itemId' });
    const note = input.note.trim();
    if (input.finding !== 'pass' && note.length < 5) throw new DomainError('audit.noteRequired', { field: 'note' });
    await tx
      .update(fieldAuditItems)
      .set({ finding: input.finding, note, reviewedBy: caller.actor.userId, reviewedAt: now, updatedAt: now })
      .where(eq(fieldAuditItems.id, item.id));
    await writeAudit(tx, caller, {
      action: 'audit.review',
      resourceType: 'field_audit_item',
      resourceId: item.id,
      orgId: audit.agencyId,
      before: { finding: item.finding },
      after: { finding: input.finding, note },
    });
    return { id: item.id, finding: input.finding };
  });

/**
 * A violation goes on as a complaint against the agency (source: staff), on the case and
 * in the auditor's words; the item keeps the complaint it opened, once.
 */
export const complainFromItem = (
  db: DbOrTx,
  caller: Caller,
  input: { itemId: string; category: ComplaintCategory },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const [item] = await tx.select().from(fieldAuditItems).where(eq(fieldAuditItems.id, input.itemId)).for('update');
    if (!item) throw new DomainError('audit.itemNotFound', { field: 'itemId' });
    if (item.finding !== 'violation') throw new DomainError('audit.notViolation');
    if (item.complaintId) throw new DomainError('audit.complaintOpened');
    const [audit] = await tx.select().from(fieldAudits).where(eq(fieldAudits.id, item.auditId));
    if (!audit) throw new DomainError('audit.notFound');
    const filed = await fileOrgComplaint(
      tx,
      caller,
      {
        caseId: item.caseId,
        agencyId: audit.agencyId,
        category: input.category,
        description: item.note ?? '',
        evidence: [],
      },
      now,
    );
    await tx
      .update(fieldAuditItems)
      .set({ complaintId: filed.id, updatedAt: now })
      .where(eq(fieldAuditItems.id, item.id));
    return { complaintId: filed.id, reference: filed.reference };
  });

/** Completes the audit once every record is reviewed, with the auditor's summary: it is then the agency's audit report. */
export const completeAudit = (
  db: DbOrTx,
  caller: Caller,
  input: { auditId: string; summary: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const audit = await lockAudit(tx, input.auditId);
    const [open] = await tx
      .select({ n: count() })
      .from(fieldAuditItems)
      .where(and(eq(fieldAuditItems.auditId, audit.id), isNull(fieldAuditItems.finding)));
    if ((open?.n ?? 0) > 0) throw new DomainError('audit.unreviewed', { values: { count: open?.n ?? 0 } });
    const summary = input.summary.trim();
    await tx
      .update(fieldAudits)
      .set({ status: 'completed', summary, completedBy: caller.actor.userId, completedAt: now, updatedAt: now })
      .where(eq(fieldAudits.id, audit.id));
    await writeAudit(tx, caller, {
      action: 'audit.complete',
      resourceType: 'field_audit',
      resourceId: audit.id,
      orgId: audit.agencyId,
      after: { summary },
    });
    return { id: audit.id, status: 'completed' as const };
  });
