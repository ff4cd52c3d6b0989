import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '@/db/client';
import type { ComplaintCategory, OrgType, SanctionKind } from '@/lib/enums';
import {
  callChecks,
  callInspections,
  callRecordings,
  callRecords,
  cases,
  complaints,
  organizations,
  sanctions,
  users,
  type CallInspection,
  type InspectionScore,
} from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { fileOrgComplaint } from '../complaints/file-org';
import { notify } from '../notifications/notify';
import { proposeSanction } from '../sanctions/propose';
import { isUniqueViolation } from '../shared/db-errors';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { currentForm, formVersion } from './inspection-forms';
import { inspectionScope, reasonsOfCall } from './inspection-queue';

// Inspecting a call (质检): the inspector listens to the recording, reads the transcript and
// the rule check, and marks every criterion of the current form passed or failed. The score
// is the weights passed (in basis points of 100); a fatal item failed (a threat, disclosure
// to a third party…) scores the call 0 whatever the rest. One inspection per call per side:
// the agency's supervisors inspect their own calls, the platform's auditors anyone's, and
// neither overwrites the other. A fatal finding on the agency's side is told to its admins
// and is listed for the platform's auditors; on the platform's side the auditor may, in the
// same step, propose a sanction citing the inspection or file a complaint citing the call.

const inspectorSide = (caller: Caller): OrgType => caller.actor.orgType;

/** A matched call the caller may inspect, or NOT_FOUND. */
const loadInspectable = async (db: DbOrTx, caller: Caller, recordId: string) => {
  const [row] = await db
    .select()
    .from(callRecords)
    .where(and(eq(callRecords.id, recordId), inspectionScope(caller)));
  if (!row) throw new DomainError('call.notFound', { field: 'recordId' });
  if (!row.caseId || row.kind !== 'call') throw new DomainError('inspection.notInspectable', { field: 'recordId' });
  return { ...row, caseId: row.caseId };
};

const inspectors = alias(users, 'inspection_inspector');
const callAgents = alias(users, 'inspection_agent');
const agencies = alias(organizations, 'inspection_agency');

const inspectionsOf = async (db: DbOrTx, where: SQL | undefined) =>
  db
    .select({
      i: callInspections,
      inspectorName: inspectors.name,
      sanctionId: sql<
        string | null
      >`(select ${sanctions.id} from ${sanctions} where ${sanctions.inspectionId} = ${callInspections.id} order by ${sanctions.createdAt} limit 1)`,
    })
    .from(callInspections)
    .innerJoin(inspectors, eq(inspectors.id, callInspections.inspectorId))
    .where(where)
    .orderBy(callInspections.createdAt);

const inspectionView = (r: Awaited<ReturnType<typeof inspectionsOf>>[number]) => ({
  id: r.i.id,
  side: r.i.side,
  formVersion: r.i.formVersion,
  inspectorName: r.inspectorName,
  scores: r.i.scores,
  scoreBp: r.i.scoreBp,
  fatalFailed: r.i.fatalFailed,
  note: r.i.note,
  sampleReason: r.i.sampleReason,
  createdAt: r.i.createdAt,
  sanctionId: r.sanctionId,
});

/**
 * Everything the inspect page shows: the call, its transcript, recording and rule check,
 * why it is sampled, the form to score it on (or, once inspected, the form version it was
 * scored on) and the inspections made. An agency reads its own side's inspection only; staff
 * read both sides' (an agency's fatal finding is theirs to act on).
 */
export const getInspection = async (db: DbOrTx, caller: Caller, recordId: string) => {
  const r = await loadInspectable(db, caller, recordId);
  const side = inspectorSide(caller);
  const [[detail], [check], [recording], made, reasons, current] = await Promise.all([
    db
      .select({ agentName: callAgents.name, agencyName: agencies.name, contractNo: cases.contractNo })
      .from(callRecords)
      .innerJoin(agencies, eq(agencies.id, callRecords.agencyId))
      .leftJoin(callAgents, eq(callAgents.id, callRecords.agentId))
      .leftJoin(cases, eq(cases.id, callRecords.caseId))
      .where(eq(callRecords.id, r.id)),
    db
      .select({ ruleVersion: callChecks.ruleVersion, violations: callChecks.violations, flags: callChecks.flags })
      .from(callChecks)
      .where(eq(callChecks.recordId, r.id)),
    db.select({ fileId: callRecordings.fileId }).from(callRecordings).where(eq(callRecordings.recordId, r.id)),
    inspectionsOf(
      db,
      and(eq(callInspections.recordId, r.id), side === 'platform' ? undefined : eq(callInspections.side, side)),
    ),
    reasonsOfCall(db, r.id, r.caseId),
    currentForm(db),
  ]);
  const mine = made.find((m) => m.i.side === side);
  const form = mine ? await formVersion(db, mine.i.formVersion) : current;
  const [complaint] =
    side === 'platform'
      ? await db
          .select({ id: complaints.id, reference: complaints.reference })
          .from(complaints)
          .where(eq(complaints.callRecordId, r.id))
          .orderBy(desc(complaints.receivedAt))
          .limit(1)
      : [];
  return {
    call: {
      id: r.id,
      agencyId: r.agencyId,
      agencyName: detail?.agencyName ?? '',
      caseId: r.caseId,
      contractNo: detail?.contractNo ?? '',
      direction: r.direction,
      disposition: r.disposition,
      lineNo: r.lineNo,
      partyMasked: r.partyMasked,
      target: r.target,
      startedAt: r.startedAt,
      answeredAt: r.answeredAt,
      endedAt: r.endedAt,
      durationS: r.durationS,
      agentId: r.agentId,
      agentRef: r.agentRef,
      agentName: detail?.agentName ?? null,
      transcript: r.transcript,
    },
    check: check ?? null,
    recordingFileId: recording?.fileId ?? null,
    reasons,
    form: { version: form.version, criteria: form.criteria, isCurrent: form.version === current.version },
    side,
    mine: mine ? inspectionView(mine) : null,
    others: made.filter((m) => m.i.side !== side).map(inspectionView),
    complaint: complaint ?? null,
  };
};

export type SanctionFollowUp = {
  kind: 'sanction';
  sanctionKind: SanctionKind;
  points: number | null;
  endsOn: string | null;
  reason: string;
};
export type ComplaintFollowUp = { kind: 'complaint'; category: ComplaintCategory; description: string };

export type InspectInput = {
  recordId: string;
  formVersion: number;
  scores: InspectionScore[];
  note: string;
  /** Platform side, a fatal item failed: propose a sanction citing the inspection, or file a complaint citing the call. */
  followUp?: SanctionFollowUp | ComplaintFollowUp | null | undefined;
};

/** The score in basis points: the weights passed ×100, 0 when a fatal item failed. */
export const scoreOf = (
  criteria: readonly { key: string; weight: number; fatal: boolean }[],
  scores: readonly { key: string; passed: boolean }[],
) => {
  const passed = new Map(scores.map((s) => [s.key, s.passed]));
  const fatalFailed = criteria.filter((c) => c.fatal && passed.get(c.key) === false).map((c) => c.key);
  const earned = criteria.filter((c) => passed.get(c.key) === true).reduce((s, c) => s + c.weight, 0);
  return { scoreBp: fatalFailed.length > 0 ? 0 : earned * 100, fatalFailed };
};

/** Every criterion of the form scored once, nothing else; a failed item says why. */
const checkScores = (criteria: readonly { key: string }[], scores: readonly InspectionScore[]) => {
  const keys = new Set(criteria.map((c) => c.key));
  const seen = new Set<string>();
  for (const [i, s] of scores.entries()) {
    if (!keys.has(s.key) || seen.has(s.key))
      throw new DomainError('inspection.scoresInvalid', { field: `scores.${i}.key` });
    seen.add(s.key);
    if (!s.passed && s.note.trim() === '')
      throw new DomainError('inspection.noteRequired', { field: `scores.${i}.note` });
  }
  if (seen.size !== keys.size) throw new DomainError('inspection.scoresIncomplete', { field: 'scores' });
};

const followUp = async (
  tx: Tx,
  caller: Caller,
  saved: CallInspection,
  r: { id: string; caseId: string; agencyId: string },
  f: SanctionFollowUp | ComplaintFollowUp,
) => {
  if (caller.actor.orgType !== 'platform' || saved.fatalFailed.length === 0)
    throw new DomainError('inspection.followUpNotAllowed', { field: 'followUp' });
  if (f.kind === 'sanction') {
    if (!hasPermission(caller.actor, 'sanctions.manage')) throw new DomainError('auth.forbidden');
    const s = await proposeSanction(tx, caller, {
      complaintId: null,
      auditItemId: null,
      inspectionId: saved.id,
      kind: f.sanctionKind,
      points: f.points,
      endsOn: f.endsOn,
      reason: f.reason,
    });
    return { sanctionId: s.id, complaintId: null };
  }
  if (!hasPermission(caller.actor, 'complaints.file')) throw new DomainError('auth.forbidden');
  const c = await fileOrgComplaint(tx, caller, {
    caseId: r.caseId,
    agencyId: r.agencyId,
    callRecordId: r.id,
    category: f.category,
    description: f.description,
    evidence: [],
  });
  return { sanctionId: null, complaintId: c.id };
};

/** Records the caller's side's inspection of a call: one transaction with its audit row (and any follow-up). */
export const inspectCall = async (db: DbOrTx, caller: Caller, input: InspectInput, now = new Date()) =>
  db
    .transaction(async (tx) => {
      const r = await loadInspectable(tx, caller, input.recordId);
      const side = inspectorSide(caller);
      const [already] = await tx
        .select({ id: callInspections.id })
        .from(callInspections)
        .where(and(eq(callInspections.recordId, r.id), eq(callInspections.side, side)));
      if (already) throw new DomainError('inspection.already');
      const form = await currentForm(tx);
      // Scored on a form that is no longer current: the page reloads the new one rather than mixing them.
      if (form.version !== input.formVersion) throw new DomainError('inspection.formChanged', { field: 'formVersion' });
      checkScores(form.criteria, input.scores);
      const { scoreBp, fatalFailed } = scoreOf(form.criteria, input.scores);
      const reasons = await reasonsOfCall(tx, r.id, r.caseId);
      const [saved] = await tx
        .insert(callInspections)
        .values({
          recordId: r.id,
          agencyId: r.agencyId,
          caseId: r.caseId,
          agentId: r.agentId,
          formVersion: form.version,
          side,
          inspectorOrgId: caller.actor.orgId,
          inspectorId: caller.actor.userId,
          scores: form.criteria.map((c) => {
            const s = input.scores.find((x) => x.key === c.key);
            return { key: c.key, passed: s?.passed ?? false, note: s?.note.trim() ?? '' };
          }),
          scoreBp,
          fatalFailed,
          note: input.note.trim(),
          // Sampled for these reasons now, or picked by the inspector from the call list.
          sampleReason: reasons.length > 0 ? reasons.join(',') : 'chosen',
          createdAt: now,
        })
        .returning();
      if (!saved) throw new DomainError('inspection.notFound');
      await writeAudit(tx, caller, {
        action: 'inspection.record',
        resourceType: 'call_inspection',
        resourceId: saved.id,
        orgId: r.agencyId,
        after: {
          recordId: r.id,
          side,
          formVersion: form.version,
          scoreBp,
          fatalFailed,
          sampleReason: saved.sampleReason,
        },
      });
      if (side === 'agency' && fatalFailed.length > 0) {
        await notify(
          tx,
          { orgId: r.agencyId, roles: ['admin'] },
          'inspection.fatalFound',
          { count: String(fatalFailed.length) },
          `/agency/inspections/${r.id}`,
        );
      }
      const followed = input.followUp
        ? await followUp(tx, caller, saved, r, input.followUp)
        : { sanctionId: null, complaintId: null };
      return { id: saved.id, scoreBp, fatalFailed, ...followed };
    })
    .catch((e: unknown) => {
      // Two inspectors of one side submitting at once: the (record, side) key lets one through.
      if (isUniqueViolation(e)) throw new DomainError('inspection.already');
      throw e;
    });

export type ListInspectionsInput = {
  agencyId?: string | undefined;
  side?: OrgType | undefined;
  isFatalOnly?: boolean | undefined;
  agentId?: string | undefined;
  cursor?: string | null | undefined;
  limit: number;
};

/**
 * Inspections made, newest first: an agency its own side's of its calls; staff every one,
 * both sides (the agency's fatal findings are theirs to act on), filterable.
 */
export const listInspections = async (db: DbOrTx, caller: Caller, input: ListInspectionsInput) => {
  const cursor = decodeCursor(input.cursor);
  const { actor } = caller;
  if (!hasPermission(actor, 'inspections.perform')) throw new DomainError('auth.forbidden');
  const isStaff = actor.orgType === 'platform';
  const rows = await db
    .select({
      i: callInspections,
      inspectorName: inspectors.name,
      agentName: callAgents.name,
      agencyName: agencies.name,
      startedAt: callRecords.startedAt,
      sanctionId: sql<
        string | null
      >`(select ${sanctions.id} from ${sanctions} where ${sanctions.inspectionId} = ${callInspections.id} order by ${sanctions.createdAt} limit 1)`,
    })
    .from(callInspections)
    .innerJoin(callRecords, eq(callRecords.id, callInspections.recordId))
    .innerJoin(inspectors, eq(inspectors.id, callInspections.inspectorId))
    .innerJoin(agencies, eq(agencies.id, callInspections.agencyId))
    .leftJoin(callAgents, eq(callAgents.id, callInspections.agentId))
    .where(
      and(
        isStaff
          ? input.agencyId
            ? eq(callInspections.agencyId, input.agencyId)
            : undefined
          : and(eq(callInspections.agencyId, actor.orgId), eq(callInspections.side, 'agency')),
        isStaff && input.side ? eq(callInspections.side, input.side) : undefined,
        input.isFatalOnly ? sql`jsonb_array_length(${callInspections.fatalFailed}) > 0` : undefined,
        input.agentId ? eq(callInspections.agentId, input.agentId) : undefined,
        cursor ? afterCursor(callInspections.createdAt, callInspections.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(callInspections.createdAt), desc(callInspections.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.i.createdAt, id: r.i.id }));
  return {
    items: page.items.map((r) => ({
      id: r.i.id,
      recordId: r.i.recordId,
      agencyId: r.i.agencyId,
      agencyName: r.agencyName,
      agentName: r.agentName,
      side: r.i.side,
      inspectorName: r.inspectorName,
      scoreBp: r.i.scoreBp,
      fatalFailed: r.i.fatalFailed,
      formVersion: r.i.formVersion,
      startedAt: r.startedAt,
      createdAt: r.i.createdAt,
      sanctionId: isStaff ? r.sanctionId : null,
    })),
    nextCursor: page.nextCursor,
  };
};
