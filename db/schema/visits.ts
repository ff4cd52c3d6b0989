import { index, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { EVIDENCE_KINDS, VISIT_STATUSES } from '../../lib/enums';
import { caseActions } from './actions';
import { cases } from './cases';
import { ts } from './columns';
import { storedFiles } from './files';
import { commissions } from './packages';
import { organizations } from './organizations';
import { users } from './users';

export const visitStatus = pgEnum('visit_status', VISIT_STATUSES);
export const evidenceKind = pgEnum('evidence_kind', EVIDENCE_KINDS);

/**
 * A field visit (外访): planned by the agency with at least two named staff and a time
 * inside the contact window; recorded when it happens (the record is an append-only
 * collection action with channel "visit", stamped by the server). The plan's status is
 * the only thing that changes here.
 */
export const fieldVisits = pgTable(
  'field_visits',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    commissionId: uuid()
      .notNull()
      .references(() => commissions.id),
    plannedBy: uuid()
      .notNull()
      .references(() => users.id),
    plannedFor: ts().notNull(),
    /** Where the staff go (the debtor's home or work address as the agency knows it). */
    address: text().notNull(),
    purpose: text().notNull().default(''),
    status: visitStatus().notNull().default('planned'),
    /** The collection action that records the visit (its time is the visit's time). */
    actionId: uuid().references(() => caseActions.id),
    visitedAt: ts(),
    cancelledAt: ts(),
    cancelReason: text(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('field_visits_case_idx').on(t.caseId, t.plannedFor, t.id),
    index('field_visits_agency_idx').on(t.agencyId, t.plannedFor, t.id),
    // Visit lists: a creditor's, and the platform's.
    index('field_visits_creditor_idx').on(t.creditorId, t.plannedFor, t.id),
    index('field_visits_planned_idx').on(t.plannedFor, t.id),
    // The 24-hour evidence check reads recorded visits by their time.
    index('field_visits_visited_idx').on(t.status, t.visitedAt),
  ],
);

export type FieldVisit = typeof fieldVisits.$inferSelect;

/** The named staff of a visit (at least two, NIFA 2018). */
export const fieldVisitStaff = pgTable(
  'field_visit_staff',
  {
    visitId: uuid()
      .notNull()
      .references(() => fieldVisits.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.userId] })],
);

/**
 * Field evidence (催迹): a photo, audio or video file of a recorded visit. The file's
 * SHA-256 is kept with the record, so a changed file shows. Append-only: the database
 * refuses UPDATE and DELETE.
 */
export const visitEvidence = pgTable(
  'visit_evidence',
  {
    id: uuid().primaryKey().defaultRandom(),
    visitId: uuid()
      .notNull()
      .references(() => fieldVisits.id),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id),
    kind: evidenceKind().notNull(),
    sha256: text().notNull(),
    /** What the collector called the file on the phone or computer it came from. */
    fileName: text().notNull().default(''),
    uploadedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('visit_evidence_sha_key').on(t.visitId, t.sha256),
    index('visit_evidence_case_idx').on(t.caseId, t.createdAt),
    index('visit_evidence_file_idx').on(t.fileId),
  ],
);

export type VisitEvidence = typeof visitEvidence.$inferSelect;

/**
 * Flags raised on a case after the fact (a visit's evidence missing 24 hours later): they
 * feed the scorecard like the flags an action carries. Append-only; one per visit and rule.
 */
export const caseFlags = pgTable(
  'case_flags',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    visitId: uuid().references(() => fieldVisits.id),
    rule: text().notNull(),
    values: jsonb().$type<Record<string, string | number>>().notNull().default({}),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('case_flags_visit_rule_key').on(t.visitId, t.rule),
    index('case_flags_case_idx').on(t.caseId, t.createdAt),
    index('case_flags_agency_idx').on(t.agencyId, t.createdAt),
  ],
);

export type CaseFlag = typeof caseFlags.$inferSelect;
