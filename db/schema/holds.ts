import { sql } from 'drizzle-orm';
import { boolean, check, index, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CASE_HOLD_KINDS, CASE_HOLD_STATUSES } from '../../lib/enums';
import { actionChannel, caseActions, holdOrigin } from './actions';
import { cases } from './cases';
import { complaintUploads } from './complaints';
import { ts } from './columns';
import { organizations } from './organizations';
import { users } from './users';

export const caseHoldKind = pgEnum('case_hold_kind', CASE_HOLD_KINDS);
export const caseHoldStatus = pgEnum('case_hold_status', CASE_HOLD_STATUSES);

/**
 * A hold on collection (lib/enums.ts CASE_HOLD_KINDS): while one is open on a case the rule
 * engine refuses every contact on it. The action that raised it, the creditor's answer and
 * its reason are kept; a case holds at most one open hold.
 */
export const caseHolds = pgTable(
  'case_holds',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    /** The agency whose action raised it. */
    agencyId: uuid().references(() => organizations.id),
    actionId: uuid().references(() => caseActions.id),
    kind: caseHoldKind().notNull(),
    status: caseHoldStatus().notNull().default('open'),
    /** The debtor's own dispute (no agency, no user): its reason is for the creditor, not the agency. */
    origin: holdOrigin().notNull().default('agency'),
    /** What the agency recorded (the action's note). */
    note: text().notNull().default(''),
    /** A document the debtor attached to their dispute (an upload from the public pages, kept by hash), for the creditor. */
    documentUploadId: uuid().references(() => complaintUploads.id),
    documentName: text(),
    raisedBy: uuid().references(() => users.id),
    raisedAt: ts().notNull().defaultNow(),
    /** When the creditor's answer is due (HOLD_ANSWER_WORKING_DAYS working days after it was raised). */
    answerDueAt: ts().notNull(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: ts(),
    decisionNote: text(),
  },
  (t) => [
    uniqueIndex('case_holds_open_idx')
      .on(t.caseId)
      .where(sql`${t.status} = 'open'`),
    index('case_holds_case_idx').on(t.caseId, t.raisedAt),
    // An upload is attached once (and the retention sweep asks whether a hold keeps it).
    uniqueIndex('case_holds_document_key').on(t.documentUploadId),
    // The creditor's two lists, newest first by keyset: waiting for its answer, and answered.
    index('case_holds_creditor_open_idx')
      .on(t.creditorId, t.raisedAt, t.id)
      .where(sql`${t.status} = 'open'`),
    index('case_holds_creditor_answered_idx')
      .on(t.creditorId, t.raisedAt, t.id)
      .where(sql`${t.status} <> 'open'`),
  ],
);
export type CaseHold = typeof caseHolds.$inferSelect;

/**
 * A debtor's own request about being contacted (no calls, not at work hours, letters only),
 * as told to the agency working the case. Append-only: the newest request of a case is the
 * one in force, and the rule engine enforces it for every agency holding the case.
 */
export const contactRequests = pgTable(
  'contact_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    /** The organization that recorded it, and who; neither when the debtor chose on their own page. */
    orgId: uuid().references(() => organizations.id),
    recordedBy: uuid().references(() => users.id),
    origin: holdOrigin().notNull().default('agency'),
    /** Channels the debtor asked not to be contacted by. */
    stoppedChannels: actionChannel()
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** Local minutes of the day [from, to) in which the debtor is not to be called, texted or visited. */
    quietFrom: smallint(),
    quietTo: smallint(),
    /** The quiet hours hold on working days only (the debtor's working hours). */
    quietWorkdaysOnly: boolean().notNull().default(false),
    note: text().notNull().default(''),
    at: ts().notNull().defaultNow(),
  },
  (t) => [
    index('contact_requests_case_idx').on(t.caseId, t.at),
    check(
      'contact_requests_origin_check',
      sql`${t.origin} = 'debtor' or (${t.orgId} is not null and ${t.recordedBy} is not null)`,
    ),
  ],
);
export type ContactRequest = typeof contactRequests.$inferSelect;
