import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  COMPLAINANT_RELATIONS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_EVENT_KINDS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_SOURCES,
  COMPLAINT_STATUSES,
} from '../../lib/enums';
import type { SealedPhone } from './cases';
import { callRecords } from './calls';
import { cases } from './cases';
import { timestamps, ts } from './columns';
import { organizations } from './organizations';
import { users } from './users';

export const complaintCategory = pgEnum('complaint_category', COMPLAINT_CATEGORIES);
export const complaintStatus = pgEnum('complaint_status', COMPLAINT_STATUSES);
export const complaintOutcome = pgEnum('complaint_outcome', COMPLAINT_OUTCOMES);
export const complaintSource = pgEnum('complaint_source', COMPLAINT_SOURCES);
export const complainantRelation = pgEnum('complainant_relation', COMPLAINANT_RELATIONS);
export const complaintEventKind = pgEnum('complaint_event_kind', COMPLAINT_EVENT_KINDS);

/** The last reference number given out each year: `C-YYYY-NNNNNN` is drawn by one upsert, so parallel filings never share one. */
export const complaintCounters = pgTable('complaint_counters', {
  year: smallint().primaryKey(),
  last: integer().notNull(),
});

/**
 * A complaint about an agency's collection (DESIGN §3), from a debtor or family member on
 * the public page, a creditor, or platform staff. The deadlines are fixed when each step
 * starts: acknowledge within 1 day, the agency answers within 10 calendar days, resolution
 * within 15 days of receipt, extendable once to 30 with a reason. The complainant's
 * contact number is sealed like a debtor's.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull(),
    source: complaintSource().notNull(),
    category: complaintCategory().notNull(),
    status: complaintStatus().notNull().default('received'),
    /** Kept after closing: what was decided. */
    outcome: complaintOutcome(),
    caseId: uuid().references(() => cases.id),
    creditorId: uuid().references(() => organizations.id),
    /** The agency complained about: the case's agency when filed, or the one that last worked it. */
    agencyId: uuid().references(() => organizations.id),
    complainantName: text().notNull(),
    relation: complainantRelation().notNull(),
    contactPhone: jsonb().$type<SealedPhone>(),
    description: text().notNull(),
    filedBy: uuid().references(() => users.id),
    filedByOrgId: uuid().references(() => organizations.id),
    filedIp: text(),
    handlerId: uuid().references(() => users.id),
    receivedAt: ts().notNull(),
    ackDueAt: ts().notNull(),
    acknowledgedAt: ts(),
    responseDueAt: ts(),
    respondedAt: ts(),
    agencyResponse: text(),
    resolutionDueAt: ts().notNull(),
    extensionReason: text(),
    decidedAt: ts(),
    decidedBy: uuid().references(() => users.id),
    finding: text(),
    closedAt: ts(),
    /** A near-duplicate (text similarity ≥ 0.9) of this earlier complaint: flagged for review, still answered. */
    similarTo: uuid(),
    /** That similarity in basis points (10000 = identical). */
    similarityBp: smallint(),
    /** The call this complaint cites: one filed by staff from a transcript or an inspection finding. */
    callRecordId: uuid().references(() => callRecords.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('complaints_reference_idx').on(t.reference),
    index('complaints_list_idx').on(t.receivedAt, t.id),
    index('complaints_status_due_idx').on(t.status, t.resolutionDueAt),
    index('complaints_agency_idx').on(t.agencyId, t.receivedAt, t.id),
    index('complaints_creditor_idx').on(t.creditorId, t.receivedAt, t.id),
    index('complaints_case_idx').on(t.caseId),
    index('complaints_decided_idx')
      .on(t.agencyId, t.decidedAt)
      .where(sql`${t.decidedAt} is not null`),
  ],
);

/** Each step of a complaint, with who took it and why. Append-only: the database refuses UPDATE and DELETE. */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    complaintId: uuid()
      .notNull()
      .references(() => complaints.id),
    kind: complaintEventKind().notNull(),
    actorId: uuid().references(() => users.id),
    note: text().notNull().default(''),
    at: ts().notNull().defaultNow(),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.at)],
);

/**
 * A file uploaded for a complaint before it is filed (anyone may upload, without an
 * account, limited per address). Its random id is what the filing names; it becomes
 * evidence of exactly one complaint.
 */
export const complaintUploads = pgTable(
  'complaint_uploads',
  {
    id: uuid().primaryKey().defaultRandom(),
    sha256: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    mime: text().notNull(),
    ip: text(),
    createdAt: ts().notNull().defaultNow(),
  },
  // Retention: uploads past their window, and whether an upload still names some bytes.
  (t) => [index('complaint_uploads_created_idx').on(t.createdAt), index('complaint_uploads_sha256_idx').on(t.sha256)],
);

/** A complaint's evidence, by content hash. Append-only. */
export const complaintEvidence = pgTable(
  'complaint_evidence',
  {
    id: uuid().primaryKey().defaultRandom(),
    complaintId: uuid()
      .notNull()
      .references(() => complaints.id),
    uploadId: uuid()
      .notNull()
      .references(() => complaintUploads.id),
    sha256: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    mime: text().notNull(),
    fileName: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('complaint_evidence_upload_idx').on(t.uploadId),
    index('complaint_evidence_complaint_idx').on(t.complaintId),
  ],
);

/** Requests counted per key (an address, a case) for public rate limits, across instances. */
export const rateEvents = pgTable(
  'rate_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull(),
    at: ts().notNull().defaultNow(),
  },
  (t) => [
    index('rate_events_key_idx').on(t.key, t.at),
    // Retention: attempts past the longest window.
    index('rate_events_at_idx').on(t.at),
  ],
);

export type Complaint = typeof complaints.$inferSelect;
export type ComplaintEvent = typeof complaintEvents.$inferSelect;
