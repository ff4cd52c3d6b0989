import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  callChecks,
  callInspections,
  callRecordings,
  callRecords,
  cases,
  inspectionForms,
  organizations,
  storedFiles,
  users,
} from '@/db/schema';
import { SHANGHAI_TIME_ZONE } from '@/lib/dates';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { findForbiddenPhrases } from '../rules/engine';
import { worksCase } from '../work/case-access';
import { activeRules } from '../work/rules';
import { loadCall } from './access';
import { isShadowSql } from './pairing';
import { markTranscript } from './transcript';

// The page of one call: what the dialer recorded, the rulebook's verdict on it (made with
// the call's own times), whether it is a shadow contact (made, never logged), its
// transcript with the forbidden phrases marked, its inspections, and its recording. Read by
// whoever may read the call (calls.read, loadCall); anyone else finds nothing.

const RECORD = sql.raw('"call_records"');

/** The call `recordId` with everything known about it, for the caller (NOT_FOUND unless they may read it). */
export const callEvidence = async (db: DbOrTx, caller: Caller, recordId: string, now = new Date()) => {
  const record = await loadCall(db, caller, recordId);
  const { actor } = caller;
  const [facts] = await db
    .select({
      agencyName: organizations.name,
      agentName: users.name,
      contractNo: cases.contractNo,
      timeZone: cases.timeZone,
      isShadow: sql<boolean>`${isShadowSql(now, RECORD)}`,
      check: callChecks,
      recording: {
        fileId: callRecordings.fileId,
        attachedAt: callRecordings.attachedAt,
        mime: storedFiles.mime,
        size: storedFiles.size,
        sha256: storedFiles.sha256,
      },
    })
    .from(callRecords)
    .innerJoin(organizations, eq(organizations.id, callRecords.agencyId))
    .leftJoin(users, eq(users.id, callRecords.agentId))
    .leftJoin(cases, eq(cases.id, callRecords.caseId))
    .leftJoin(callChecks, eq(callChecks.recordId, callRecords.id))
    .leftJoin(callRecordings, eq(callRecordings.recordId, callRecords.id))
    .leftJoin(storedFiles, eq(storedFiles.id, callRecordings.fileId))
    .where(eq(callRecords.id, record.id));

  const inspections = await db
    .select({ i: callInspections, inspectorName: users.name })
    .from(callInspections)
    .innerJoin(users, eq(users.id, callInspections.inspectorId))
    .where(eq(callInspections.recordId, record.id))
    .orderBy(asc(callInspections.createdAt), asc(callInspections.id));
  const versions = [...new Set(inspections.map(({ i }) => i.formVersion))];
  const forms =
    versions.length > 0
      ? await db.select().from(inspectionForms).where(inArray(inspectionForms.version, versions))
      : [];
  const labelOf = (version: number, key: string) =>
    forms.find((f) => f.version === version)?.criteria.find((c) => c.key === key)?.label ?? { 'zh-CN': key, en: key };

  const transcript = record.transcript
    ? markTranscript(record.transcript, findForbiddenPhrases(await activeRules(db), record.transcript))
    : null;
  const isOwnAgency = actor.orgType === 'agency' && actor.orgId === record.agencyId;
  const held = facts?.recording;
  const recording = held?.fileId ? { ...held, fileId: held.fileId } : null;

  return {
    id: record.id,
    externalId: record.externalId,
    kind: record.kind,
    direction: record.direction,
    partyMasked: record.partyMasked,
    lineNo: record.lineNo,
    agencyName: facts?.agencyName ?? '',
    agent: { name: facts?.agentName ?? null, ref: record.agentRef },
    startedAt: record.startedAt,
    answeredAt: record.answeredAt,
    endedAt: record.endedAt,
    durationS: record.durationS,
    disposition: record.disposition,
    timeZone: facts?.timeZone ?? SHANGHAI_TIME_ZONE,
    body: record.body,
    case:
      record.caseId && facts?.contractNo
        ? {
            id: record.caseId,
            contractNo: facts.contractNo,
            target: record.target,
            partyNo: record.partyNo,
            // The agency opens the case only while it works it; the creditor and staff always.
            canOpen: actor.orgType === 'agency' ? await worksCase(db, caller, record.caseId) : true,
          }
        : null,
    check: facts?.check
      ? { ruleVersion: facts.check.ruleVersion, violations: facts.check.violations, flags: facts.check.flags }
      : null,
    isShadow: facts?.isShadow === true,
    transcript,
    inspections: inspections.map(({ i, inspectorName }) => ({
      id: i.id,
      side: i.side,
      inspectorName,
      formVersion: i.formVersion,
      scoreBp: i.scoreBp,
      fatalFailed: i.fatalFailed.map((key) => ({ key, label: labelOf(i.formVersion, key) })),
      note: i.note,
      createdAt: i.createdAt,
    })),
    recording: recording
      ? {
          fileId: recording.fileId,
          mime: recording.mime ?? '',
          size: recording.size ?? 0,
          sha256: recording.sha256 ?? '',
          attachedAt: recording.attachedAt ?? record.receivedAt,
        }
      : null,
    canAttachRecording:
      recording === null && record.kind === 'call' && isOwnAgency && hasPermission(actor, 'calls.write'),
  };
};
