import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  APPEAL_OUTCOMES,
  AUDIT_FINDINGS,
  AUDIT_ITEM_KINDS,
  AUDIT_METHODS,
  AUDIT_STATUSES,
  SANCTION_KINDS,
  SANCTION_STATUSES,
} from '../../lib/enums';
import { caseActions } from './actions';
import { callInspections } from './calls';
import { cases } from './cases';
import { timestamps, ts } from './columns';
import { complaints } from './complaints';
import { organizations } from './organizations';
import { users } from './users';
import { fieldVisits } from './visits';

// Supervision (DESIGN §3, §7): field audits (稽核) of an agency's work, sanctions that
// cite a complaint or an audit finding, creditors' monthly ratings and the monthly
// agency scorecards computed from them and from the record.

export const auditMethod = pgEnum('audit_method', AUDIT_METHODS);
export const auditStatus = pgEnum('audit_status', AUDIT_STATUSES);
export const auditItemKind = pgEnum('audit_item_kind', AUDIT_ITEM_KINDS);
export const auditFinding = pgEnum('audit_finding', AUDIT_FINDINGS);
export const sanctionKind = pgEnum('sanction_kind', SANCTION_KINDS);
export const sanctionStatus = pgEnum('sanction_status', SANCTION_STATUSES);
export const appealOutcome = pgEnum('appeal_outcome', APPEAL_OUTCOMES);

/** A field audit of one agency: a random share of its visits and actions in a period, or chosen cases. */
export const fieldAudits = pgTable(
  'field_audits',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    method: auditMethod().notNull(),
    status: auditStatus().notNull().default('open'),
    /** Random sampling: the share of records drawn, in basis points (1000 = 10%). */
    sampleBp: integer(),
    periodFrom: date({ mode: 'string' }).notNull(),
    periodTo: date({ mode: 'string' }).notNull(),
    /** Chosen sampling: the cases named. */
    caseIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    itemCount: integer().notNull().default(0),
    summary: text(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    completedBy: uuid().references(() => users.id),
    completedAt: ts(),
    ...timestamps,
  },
  (t) => [
    index('field_audits_list_idx').on(t.createdAt, t.id),
    index('field_audits_agency_idx').on(t.agencyId, t.createdAt, t.id),
  ],
);

/** One sampled record of an audit (a visit or an action) and what the auditor found. */
export const fieldAuditItems = pgTable(
  'field_audit_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    auditId: uuid()
      .notNull()
      .references(() => fieldAudits.id),
    kind: auditItemKind().notNull(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    visitId: uuid().references(() => fieldVisits.id),
    actionId: uuid().references(() => caseActions.id),
    finding: auditFinding(),
    note: text(),
    reviewedBy: uuid().references(() => users.id),
    reviewedAt: ts(),
    /** A violation opens a complaint or a sanction proposal citing this finding. */
    complaintId: uuid().references(() => complaints.id),
    ...timestamps,
  },
  (t) => [
    index('field_audit_items_audit_idx').on(t.auditId, t.createdAt, t.id),
    uniqueIndex('field_audit_items_visit_idx')
      .on(t.auditId, t.visitId)
      .where(sql`${t.visitId} is not null`),
    uniqueIndex('field_audit_items_action_idx')
      .on(t.auditId, t.actionId)
      .where(sql`${t.actionId} is not null`),
    check('field_audit_items_one_record', sql`(${t.visitId} is null) <> (${t.actionId} is null)`),
  ],
);

/**
 * A sanction on an agency, citing the complaint or audit finding it rests on. Warnings,
 * points and suspensions take effect when recorded; a ban when a second staff member
 * approves it. The agency may appeal once; a platform admin decides.
 */
export const sanctions = pgTable(
  'sanctions',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    kind: sanctionKind().notNull(),
    status: sanctionStatus().notNull(),
    points: smallint(),
    reason: text().notNull(),
    complaintId: uuid().references(() => complaints.id),
    auditItemId: uuid().references(() => fieldAuditItems.id),
    /** The call inspection whose finding it rests on (a fatal item failed). */
    inspectionId: uuid().references(() => callInspections.id),
    /** A suspension's last day, if it has one; otherwise until lifted. */
    endsOn: date({ mode: 'string' }),
    proposedBy: uuid()
      .notNull()
      .references(() => users.id),
    decidedBy: uuid().references(() => users.id),
    decidedAt: ts(),
    decisionNote: text(),
    effectiveAt: ts(),
    liftedBy: uuid().references(() => users.id),
    liftedAt: ts(),
    /** What a ban did, counted when it took effect (bids withdrawn, cases recalled, creditors told). */
    effects: jsonb().$type<Record<string, number>>(),
    appealText: text(),
    appealedAt: ts(),
    appealedBy: uuid().references(() => users.id),
    appealOutcome: appealOutcome(),
    appealNote: text(),
    appealDecidedBy: uuid().references(() => users.id),
    appealDecidedAt: ts(),
    ...timestamps,
  },
  (t) => [
    index('sanctions_list_idx').on(t.createdAt, t.id),
    index('sanctions_agency_idx').on(t.agencyId, t.createdAt, t.id),
    index('sanctions_status_idx').on(t.status, t.createdAt, t.id),
    check(
      'sanctions_cites',
      sql`${t.complaintId} is not null or ${t.auditItemId} is not null or ${t.inspectionId} is not null`,
    ),
  ],
);

/** A creditor's monthly rating (1–5, with a comment) of an agency it commissions. */
export const agencyRatings = pgTable(
  'agency_ratings',
  {
    id: uuid().primaryKey().defaultRandom(),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    /** `YYYY-MM` (Beijing). */
    month: text().notNull(),
    rating: smallint().notNull(),
    comment: text().notNull().default(''),
    ratedBy: uuid()
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('agency_ratings_idx').on(t.creditorId, t.agencyId, t.month),
    index('agency_ratings_agency_idx').on(t.agencyId, t.month),
    check('agency_ratings_range', sql`${t.rating} between 1 and 5`),
  ],
);

/**
 * An agency's monthly scorecard (DESIGN §7): the month's own score, the weighted score
 * over recent months, each component, every input and the formula version, so that
 * anyone entitled can export the inputs and compute the same score again.
 */
export const scorecards = pgTable(
  'scorecards',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    month: text().notNull(),
    formulaVersion: smallint().notNull(),
    /** The month's own score in basis points of 100 (10000 = 100.00). */
    monthScoreBp: integer().notNull(),
    /** The score shown: recent months weighing more. */
    scoreBp: integer().notNull(),
    isZeroed: smallint().notNull().default(0),
    components: jsonb().$type<Record<string, number>>().notNull(),
    inputs: jsonb().$type<Record<string, unknown>>().notNull(),
    computedAt: ts().notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('scorecards_agency_month_idx').on(t.agencyId, t.month),
    index('scorecards_month_idx').on(t.month, t.scoreBp),
  ],
);

export type FieldAudit = typeof fieldAudits.$inferSelect;
export type FieldAuditItem = typeof fieldAuditItems.$inferSelect;
export type Sanction = typeof sanctions.$inferSelect;
export type AgencyRating = typeof agencyRatings.$inferSelect;
export type Scorecard = typeof scorecards.$inferSelect;
