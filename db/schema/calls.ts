import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CALL_BATCH_SOURCES, CALL_DIRECTIONS, CALL_DISPOSITIONS, CALL_RECORD_KINDS } from '../../lib/call-records';
import { actionTarget } from './actions';
import { apiKeys } from './api';
import { cases } from './cases';
import { ts } from './columns';
import { storedFiles } from './files';
import { commissions } from './packages';
import { organizations, orgType } from './organizations';
import { users } from './users';

export const callRecordKind = pgEnum('call_record_kind', CALL_RECORD_KINDS);
export const callDirection = pgEnum('call_direction', CALL_DIRECTIONS);
export const callDisposition = pgEnum('call_disposition', CALL_DISPOSITIONS);
export const callBatchSource = pgEnum('call_batch_source', CALL_BATCH_SOURCES);

/**
 * One delivery of call records: an API batch or an uploaded file. Its counts are what the
 * agency is told back (received, stored, already stored, matched to a case, unmatched).
 */
export const callBatches = pgTable(
  'call_batches',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    source: callBatchSource().notNull(),
    fileId: uuid().references(() => storedFiles.id),
    apiKeyId: uuid().references(() => apiKeys.id),
    received: integer().notNull(),
    stored: integer().notNull(),
    duplicates: integer().notNull(),
    matched: integer().notNull(),
    unmatched: integer().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index('call_batches_agency_idx').on(t.agencyId, t.createdAt, t.id)],
);

/**
 * A call or message as the agency's dialer or SMS gateway recorded it (话单): the machine's
 * record, not the collector's. The other party's number is sealed like a case's (DESIGN §5).
 * Matched at ingest to the case the agency held under a live commission whose debtor or
 * contact has that number; a record matching none is kept with no case. Append-only: the
 * rule check and inspections are rows of their own.
 */
export const callRecords = pgTable(
  'call_records',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    batchId: uuid()
      .notNull()
      .references(() => callBatches.id),
    /** The dialer's own id for the record: a record sent twice is stored once. */
    externalId: text().notNull(),
    kind: callRecordKind().notNull(),
    direction: callDirection().notNull(),
    /** The agency's line (caller for outbound, called for inbound; SMS: the sender). Not personal data. */
    lineNo: text().notNull(),
    /** The other party's number: sealed, its blind index and mask. */
    partyEnc: text().notNull(),
    partyIdx: text().notNull(),
    partyMasked: text().notNull(),
    startedAt: ts().notNull(),
    answeredAt: ts(),
    endedAt: ts(),
    /** Seconds talked (calls), as the dialer counted. */
    durationS: integer().notNull().default(0),
    disposition: callDisposition().notNull(),
    /** The agent as the dialer named them (a user id or a work number), and the user it resolved to. */
    agentRef: text(),
    agentId: uuid().references(() => users.id),
    /** A message's text. */
    body: text(),
    transcript: text(),
    // The match, decided once at ingest.
    caseId: uuid().references(() => cases.id),
    creditorId: uuid().references(() => organizations.id),
    commissionId: uuid().references(() => commissions.id),
    target: actionTarget(),
    /** 0-based position among the debtor's numbers, or the 1-based contact number. */
    partyNo: smallint(),
    debtorIdx: text(),
    receivedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('call_records_external_key').on(t.agencyId, t.externalId),
    index('call_records_agency_idx').on(t.agencyId, t.startedAt, t.id),
    index('call_records_case_idx')
      .on(t.caseId, t.startedAt)
      .where(sql`${t.caseId} is not null`),
    index('call_records_debtor_idx')
      .on(t.debtorIdx, t.startedAt)
      .where(sql`${t.debtorIdx} is not null`),
    index('call_records_party_idx').on(t.partyIdx, t.startedAt),
    index('call_records_creditor_idx')
      .on(t.creditorId, t.startedAt)
      .where(sql`${t.creditorId} is not null`),
    index('call_records_batch_idx').on(t.batchId),
    // The inspection queue across agencies (staff): matched calls newest first, walked in order.
    index('call_records_matched_calls_idx')
      .on(t.startedAt, t.id)
      .where(sql`${t.caseId} is not null and ${t.kind} = 'call'`),
  ],
);

export type CallRecord = typeof callRecords.$inferSelect;

/**
 * A call's recording (全程录音), stored by its SHA-256 like visit evidence; sent with the
 * record or after it. One per record, never replaced.
 */
export const callRecordings = pgTable(
  'call_recordings',
  {
    recordId: uuid()
      .primaryKey()
      .references(() => callRecords.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id),
    attachedBy: uuid()
      .notNull()
      .references(() => users.id),
    attachedAt: ts().notNull().defaultNow(),
  },
  (t) => [index('call_recordings_file_idx').on(t.fileId)],
);

export type CallViolation = { rule: string; values?: Record<string, string | number> };
export type CallFlag = { rule: string; values?: Record<string, string | number> };

/**
 * The rulebook's verdict on a matched record, made with the record's own times: the hard
 * rules it broke (a machine-detected violation) and soft flags (forbidden phrases in its
 * transcript). One per record, written once.
 */
export const callChecks = pgTable(
  'call_checks',
  {
    recordId: uuid()
      .primaryKey()
      .references(() => callRecords.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    agentId: uuid().references(() => users.id),
    startedAt: ts().notNull(),
    ruleVersion: integer().notNull(),
    violations: jsonb().$type<CallViolation[]>().notNull(),
    flags: jsonb().$type<CallFlag[]>().notNull(),
    checkedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('call_checks_agency_violations_idx')
      .on(t.agencyId, t.startedAt, t.recordId)
      .where(sql`jsonb_array_length(${t.violations}) > 0 or jsonb_array_length(${t.flags}) > 0`),
    index('call_checks_creditor_violations_idx')
      .on(t.creditorId, t.startedAt, t.agencyId)
      .where(sql`jsonb_array_length(${t.violations}) > 0`),
  ],
);

export type InspectionCriterion = {
  key: string;
  /** Points this criterion carries; a form's weights sum to 100. */
  weight: number;
  /** A fatal item (threats, disclosure to a third party…): failing it fails the call whatever the rest. */
  fatal: boolean;
  label: { 'zh-CN': string; en: string };
  guidance: { 'zh-CN': string; en: string };
};

/** The quality-inspection form (质检表), versioned like the admission templates: the newest applies. */
export const inspectionForms = pgTable('inspection_forms', {
  version: integer().primaryKey(),
  criteria: jsonb().$type<InspectionCriterion[]>().notNull(),
  createdBy: uuid().references(() => users.id),
  createdAt: ts().notNull().defaultNow(),
});

export type InspectionScore = { key: string; passed: boolean; note: string };

/**
 * One inspection of one call (质检) by the agency's supervisor or the platform's auditor:
 * scored on a form version, with its total and the fatal items failed. Written once.
 */
export const callInspections = pgTable(
  'call_inspections',
  {
    id: uuid().primaryKey().defaultRandom(),
    recordId: uuid()
      .notNull()
      .references(() => callRecords.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    /** The collector the call is held against (the record's agent). */
    agentId: uuid().references(() => users.id),
    formVersion: integer()
      .notNull()
      .references(() => inspectionForms.version),
    side: orgType().notNull(),
    inspectorOrgId: uuid()
      .notNull()
      .references(() => organizations.id),
    inspectorId: uuid()
      .notNull()
      .references(() => users.id),
    scores: jsonb().$type<InspectionScore[]>().notNull(),
    /** Points of 100 earned, basis points (10000 = 100.00); 0 when a fatal item failed. */
    scoreBp: integer().notNull(),
    fatalFailed: jsonb().$type<string[]>().notNull(),
    note: text().notNull().default(''),
    sampleReason: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    // One inspection of a record per side: a second is refused by the key, even when two race.
    uniqueIndex('call_inspections_record_side_key').on(t.recordId, t.side),
    index('call_inspections_agency_idx').on(t.agencyId, t.createdAt, t.id),
  ],
);

export type CallInspection = typeof callInspections.$inferSelect;
