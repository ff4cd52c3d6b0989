import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { VISIT_OUTCOMES, type ActionOutcome, type EvidenceKind } from '@/lib/enums';
import { evidenceKindOf } from '@/lib/file-types';
import { MIN_VISIT_STAFF, VISIT_EVIDENCE_DUE_MS } from '@/lib/visits';
import {
  admissionApplications,
  caseFlags,
  fieldVisits,
  fieldVisitStaff,
  storedFiles,
  users,
  visitEvidence,
  type FieldVisit,
} from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { notify } from '../notifications/notify';
import { zonedInstant } from '../rules/zone';
import { endOfShanghaiDay } from '@/lib/dates';
import { ownFile } from '../files/files';
import { logAction, refusal } from './actions';
import { DEFAULT_TIME_ZONE, loadCaseToAct, loadWorkCase } from './case-access';
import { verdictFor } from './rules';

// Field visits (外访) and their evidence (催迹), DESIGN §4 and NIFA 2018: only agencies
// admitted with field-evidence capture visit; at least two named staff; inside the
// contact window; audio and video uploaded within 24 hours, or the visit is flagged.

/** The rule a visit breaks when its audio or video is missing a day later. */
export const EVIDENCE_MISSING_RULE = 'visitEvidenceMissing';
const REQUIRED_EVIDENCE: readonly EvidenceKind[] = ['audio', 'video'];

/** Whether the agency was admitted saying it captures field evidence (its latest admitted application). */
export const hasVisitCapability = async (db: DbOrTx, agencyId: string): Promise<boolean> => {
  const [app] = await db
    .select({
      capture: sql<
        boolean | null
      >`(${admissionApplications.sections} -> 'systems' ->> 'hasFieldEvidenceCapture')::boolean`,
    })
    .from(admissionApplications)
    .where(and(eq(admissionApplications.orgId, agencyId), eq(admissionApplications.status, 'admitted')))
    .orderBy(desc(admissionApplications.decidedAt))
    .limit(1);
  return app?.capture === true;
};

/** The agency's active staff who can be named on a visit. */
export const listVisitStaff = async (db: DbOrTx, caller: Caller) =>
  db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.orgId, caller.actor.orgId), isNull(users.disabledAt)))
    .orderBy(asc(users.name));

export type PlanVisitInput = {
  caseId: string;
  date: string;
  time: string;
  staffIds: string[];
  address: string;
  purpose: string;
};

/**
 * Plans a visit: the agency must have been admitted with field-evidence capture, the
 * package must allow visits, at least two of the agency's active staff are named, and the
 * time (given in the debtor's time zone) lies ahead, inside the contact window and the
 * commission's term.
 */
export const planVisit = async (db: DbOrTx, caller: Caller, input: PlanVisitInput, now = new Date()) =>
  db.transaction(async (tx) => {
    const c = await loadCaseToAct(tx, caller, input.caseId);
    if (!(await hasVisitCapability(tx, caller.actor.orgId))) throw new DomainError('visit.noCapability');
    const staffIds = [...new Set(input.staffIds)];
    if (staffIds.length < MIN_VISIT_STAFF)
      throw new DomainError('visit.staffTooFew', { field: 'staffIds', values: { min: MIN_VISIT_STAFF } });
    const staff = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(inArray(users.id, staffIds), eq(users.orgId, caller.actor.orgId), isNull(users.disabledAt)));
    if (staff.length !== staffIds.length) throw new DomainError('visit.staffNotFound', { field: 'staffIds' });
    const timeZone = c.row.timeZone ?? DEFAULT_TIME_ZONE;
    const [hh, mm] = input.time.split(':').map(Number);
    const plannedFor = zonedInstant(input.date, (hh ?? 0) * 60 + (mm ?? 0), timeZone);
    if (plannedFor.getTime() <= now.getTime()) throw new DomainError('visit.notFuture', { field: 'date' });
    if (plannedFor.getTime() >= endOfShanghaiDay(c.commissionEndsOn).getTime())
      throw new DomainError('visit.afterCommission', { field: 'date', values: { until: c.commissionEndsOn } });
    // The rulebook at the planned time: the window and the package's channels refuse, the stage flags.
    const refused = refusal(
      await verdictFor(tx, c, { channel: 'visit', target: 'debtor', index: 0, note: input.purpose }, plannedFor),
      timeZone,
      'time',
    );
    if (refused) throw refused;
    const [visit] = await tx
      .insert(fieldVisits)
      .values({
        caseId: c.row.id,
        creditorId: c.row.creditorId,
        agencyId: caller.actor.orgId,
        commissionId: c.row.commissionId ?? '',
        plannedBy: caller.actor.userId,
        plannedFor,
        address: input.address,
        purpose: input.purpose,
        createdAt: now,
      })
      .returning();
    if (!visit) throw new DomainError('visit.notFound');
    await tx.insert(fieldVisitStaff).values(staffIds.map((userId) => ({ visitId: visit.id, userId })));
    await writeAudit(tx, caller, {
      action: 'visit.plan',
      resourceType: 'case',
      resourceId: c.row.id,
      orgId: c.row.creditorId,
      after: { visitId: visit.id, plannedFor: plannedFor.toISOString(), staff: staffIds },
    });
    return visit;
  });

/** A visit of the caller's agency, locked, with the case it is on (worked by the caller). */
const loadVisit = async (tx: Tx, caller: Caller, visitId: string) => {
  const [visit] = await tx
    .select()
    .from(fieldVisits)
    .where(and(eq(fieldVisits.id, visitId), eq(fieldVisits.agencyId, caller.actor.orgId)))
    .for('update');
  if (!visit) throw new DomainError('visit.notFound', { field: 'visitId' });
  // Only while the case is still the agency's (and the collector's) to work.
  const c = await loadWorkCase(tx, caller, visit.caseId).catch(() => {
    throw new DomainError('visit.notFound', { field: 'visitId' });
  });
  return { visit, c };
};

const requirePlanned = (visit: FieldVisit) => {
  if (visit.status !== 'planned')
    throw new DomainError('visit.notPlanned', { labels: { status: `visits.status.${visit.status}` } });
};

/**
 * Records a planned visit as it happens: a collection action with channel "visit", checked
 * against the rulebook and stamped with the server's time, becomes the visit's record.
 */
export const recordVisit = async (
  db: DbOrTx,
  caller: Caller,
  input: {
    visitId: string;
    outcome: ActionOutcome;
    note: string;
    promiseAmount?: number | undefined;
    promiseDate?: string | undefined;
  },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const { visit } = await loadVisit(tx, caller, input.visitId);
    requirePlanned(visit);
    if (!(VISIT_OUTCOMES as readonly string[]).includes(input.outcome))
      throw new DomainError('visit.outcome', { field: 'outcome' });
    const { action } = await logAction(
      tx,
      caller,
      {
        caseId: visit.caseId,
        channel: 'visit',
        target: 'debtor',
        index: 0,
        outcome: input.outcome,
        note: input.note,
        promiseAmount: input.promiseAmount,
        promiseDate: input.promiseDate,
      },
      now,
      'visit',
    );
    const [recorded] = await tx
      .update(fieldVisits)
      .set({ status: 'visited', actionId: action.id, visitedAt: action.at })
      .where(eq(fieldVisits.id, visit.id))
      .returning();
    await writeAudit(tx, caller, {
      action: 'visit.record',
      resourceType: 'case',
      resourceId: visit.caseId,
      orgId: visit.creditorId,
      before: { visitId: visit.id, status: visit.status },
      after: { visitId: visit.id, status: 'visited', actionId: action.id },
    });
    return recorded ?? visit;
  });

/** Calls off a planned visit, for a reason. */
export const cancelVisit = async (
  db: DbOrTx,
  caller: Caller,
  input: { visitId: string; reason: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const { visit } = await loadVisit(tx, caller, input.visitId);
    requirePlanned(visit);
    const [cancelled] = await tx
      .update(fieldVisits)
      .set({ status: 'cancelled', cancelledAt: now, cancelReason: input.reason })
      .where(eq(fieldVisits.id, visit.id))
      .returning();
    await writeAudit(tx, caller, {
      action: 'visit.cancel',
      resourceType: 'case',
      resourceId: visit.caseId,
      orgId: visit.creditorId,
      before: { visitId: visit.id, status: visit.status },
      after: { visitId: visit.id, status: 'cancelled', reason: input.reason },
    });
    return cancelled ?? visit;
  });

/**
 * Attaches an uploaded photo, audio or video file to a recorded visit. The file's hash is
 * copied into the record; the same bytes twice on one visit are refused. Evidence after
 * the 24 hours is still taken (the flag, if raised, stays).
 */
export const attachEvidence = async (
  db: DbOrTx,
  caller: Caller,
  input: { visitId: string; fileId: string; fileName: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const { visit } = await loadVisit(tx, caller, input.visitId);
    if (visit.status !== 'visited')
      throw new DomainError('visit.notRecorded', { labels: { status: `visits.status.${visit.status}` } });
    const file = await ownFile(tx, caller, input.fileId);
    const kind = evidenceKindOf(file.mime);
    if (!kind) throw new DomainError('evidence.typeNotAllowed', { field: 'fileId' });
    const [evidence] = await tx
      .insert(visitEvidence)
      .values({
        visitId: visit.id,
        caseId: visit.caseId,
        fileId: file.id,
        kind,
        sha256: file.sha256,
        fileName: input.fileName.slice(0, 200),
        uploadedBy: caller.actor.userId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!evidence) throw new DomainError('evidence.duplicate', { field: 'fileId' });
    const late = visit.visitedAt !== null && now.getTime() > visit.visitedAt.getTime() + VISIT_EVIDENCE_DUE_MS;
    await writeAudit(tx, caller, {
      action: 'visit.evidence',
      resourceType: 'case',
      resourceId: visit.caseId,
      orgId: visit.creditorId,
      after: {
        visitId: visit.id,
        evidenceId: evidence.id,
        kind,
        sha256: file.sha256,
        size: file.size,
        mime: file.mime,
        late,
      },
    });
    return { ...evidence, size: file.size, mime: file.mime, late };
  });

/** The visits on a case with their staff, evidence (file hash, size, type) and flags; `agencyId` narrows to one agency's. */
export const visitsOfCase = async (db: DbOrTx, caseId: string, agencyId?: string) => {
  const visits = await db
    .select({ visit: fieldVisits, plannedByName: users.name })
    .from(fieldVisits)
    .innerJoin(users, eq(users.id, fieldVisits.plannedBy))
    .where(and(eq(fieldVisits.caseId, caseId), agencyId ? eq(fieldVisits.agencyId, agencyId) : undefined))
    .orderBy(desc(fieldVisits.plannedFor), desc(fieldVisits.id))
    .limit(200);
  const ids = visits.map((v) => v.visit.id);
  if (ids.length === 0) return [];
  const [staff, evidence, flags] = await Promise.all([
    db
      .select({ visitId: fieldVisitStaff.visitId, id: users.id, name: users.name })
      .from(fieldVisitStaff)
      .innerJoin(users, eq(users.id, fieldVisitStaff.userId))
      .where(inArray(fieldVisitStaff.visitId, ids))
      .orderBy(asc(users.name)),
    db
      .select({ e: visitEvidence, size: storedFiles.size, mime: storedFiles.mime, uploadedByName: users.name })
      .from(visitEvidence)
      .innerJoin(storedFiles, eq(storedFiles.id, visitEvidence.fileId))
      .innerJoin(users, eq(users.id, visitEvidence.uploadedBy))
      .where(inArray(visitEvidence.visitId, ids))
      .orderBy(asc(visitEvidence.createdAt), asc(visitEvidence.id)),
    db.select().from(caseFlags).where(inArray(caseFlags.visitId, ids)),
  ]);
  return visits.map(({ visit: v, plannedByName }) => ({
    id: v.id,
    agencyId: v.agencyId,
    plannedFor: v.plannedFor,
    plannedByName,
    address: v.address,
    purpose: v.purpose,
    status: v.status,
    actionId: v.actionId,
    visitedAt: v.visitedAt,
    cancelledAt: v.cancelledAt,
    cancelReason: v.cancelReason,
    staff: staff.filter((s) => s.visitId === v.id).map((s) => ({ id: s.id, name: s.name })),
    evidence: evidence
      .filter((x) => x.e.visitId === v.id)
      .map((x) => ({
        id: x.e.id,
        fileId: x.e.fileId,
        kind: x.e.kind,
        sha256: x.e.sha256,
        size: x.size,
        mime: x.mime,
        fileName: x.e.fileName,
        uploadedByName: x.uploadedByName,
        createdAt: x.e.createdAt,
        late: v.visitedAt !== null && x.e.createdAt.getTime() > v.visitedAt.getTime() + VISIT_EVIDENCE_DUE_MS,
      })),
    flags: flags.filter((f) => f.visitId === v.id).map((f) => ({ rule: f.rule, values: f.values, at: f.createdAt })),
  }));
};

/** The agency's visits on a case it works. */
export const listCaseVisits = async (db: DbOrTx, caller: Caller, caseId: string) => {
  const c = await loadWorkCase(db, caller, caseId);
  return visitsOfCase(db, c.row.id, caller.actor.orgId);
};

const SYSTEM = { actor: null, ip: null, userAgent: null } as const;
/** Visits recorded longer ago than this are not looked at again (the job runs every 15 minutes). */
const LOOK_BACK_MS = 30 * 86_400_000;

/**
 * Flags every visit whose audio or video did not arrive within 24 hours of the visit
 * (NIFA 2018). Periodic, under a database lock, idempotent: one flag per visit, never
 * removed; evidence arriving later is kept beside the flag. The agency's admins and
 * supervisors are told.
 */
export const flagMissingVisitEvidence = async (db: DbOrTx, now = new Date()) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('visits.flagMissingEvidence', 0))`);
    const due = new Date(now.getTime() - VISIT_EVIDENCE_DUE_MS);
    const visits = await tx
      .select({
        id: fieldVisits.id,
        caseId: fieldVisits.caseId,
        creditorId: fieldVisits.creditorId,
        agencyId: fieldVisits.agencyId,
        visitedAt: fieldVisits.visitedAt,
      })
      .from(fieldVisits)
      .where(
        and(
          eq(fieldVisits.status, 'visited'),
          lte(fieldVisits.visitedAt, due),
          gte(fieldVisits.visitedAt, new Date(now.getTime() - LOOK_BACK_MS)),
          sql`not exists (select 1 from ${caseFlags} f where f.visit_id = ${fieldVisits.id} and f.rule = ${EVIDENCE_MISSING_RULE})`,
        ),
      );
    let flagged = 0;
    for (const v of visits) {
      const visitedAt = v.visitedAt ?? now;
      const inTime = await tx
        .selectDistinct({ kind: visitEvidence.kind })
        .from(visitEvidence)
        .where(
          and(
            eq(visitEvidence.visitId, v.id),
            lte(visitEvidence.createdAt, new Date(visitedAt.getTime() + VISIT_EVIDENCE_DUE_MS)),
          ),
        );
      const missing = REQUIRED_EVIDENCE.filter((k) => !inTime.some((e) => e.kind === k));
      if (missing.length === 0) continue;
      const [flag] = await tx
        .insert(caseFlags)
        .values({
          caseId: v.caseId,
          creditorId: v.creditorId,
          agencyId: v.agencyId,
          visitId: v.id,
          rule: EVIDENCE_MISSING_RULE,
          values: { missing: missing.join(',') },
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: caseFlags.id });
      if (!flag) continue;
      flagged += 1;
      await writeAudit(tx, SYSTEM, {
        action: 'visit.evidenceMissing',
        resourceType: 'case',
        resourceId: v.caseId,
        orgId: v.creditorId,
        after: { visitId: v.id, missing },
      });
      await notify(
        tx,
        { orgId: v.agencyId, roles: ['admin', 'supervisor'] },
        'visit.evidenceMissing',
        {},
        `/agency/cases/${v.caseId}`,
      );
    }
    return { flagged };
  });
