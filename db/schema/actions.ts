import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import {
  ACTION_CHANNELS,
  ACTION_OUTCOMES,
  ACTION_TARGETS,
  HOLD_ORIGINS,
  PROMISE_STATUSES,
  RESTRUCTURE_KINDS,
  RESTRUCTURE_STATUSES,
  TEMPLATE_STATUSES,
} from '../../lib/enums';
import { cases } from './cases';
import { ts } from './columns';
import { commissions, packages } from './packages';
import { organizations } from './organizations';
import { users } from './users';

export const actionChannel = pgEnum('action_channel', ACTION_CHANNELS);
export const actionOutcome = pgEnum('action_outcome', ACTION_OUTCOMES);
export const actionTarget = pgEnum('action_target', ACTION_TARGETS);

/** Published versions of the platform rulebook (DESIGN §4); the newest applies. */
export const ruleSets = pgTable('rule_sets', {
  version: integer().primaryKey(),
  rules: jsonb().$type<Record<string, unknown>>().notNull(),
  publishedBy: uuid().references(() => users.id),
  publishedAt: ts().notNull().defaultNow(),
});

export type ActionFlag = { rule: string; values?: Record<string, string | number> };

/**
 * One collection action (催记): who contacted whom, how, through which number, with what
 * outcome. Checked against the rulebook before it is written; soft rules leave flags.
 * Append-only (NIFA 2018: kept at least 5 years, never changed): a correction is a new
 * row pointing at the one it corrects. The time is the server's.
 */
export const caseActions = pgTable(
  'case_actions',
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
    actorId: uuid()
      .notNull()
      .references(() => users.id),
    /** The debtor's blind index: caps count per debtor, across cases and agencies. */
    debtorIdx: text().notNull(),
    channel: actionChannel().notNull(),
    target: actionTarget().notNull(),
    contactNo: smallint(),
    phoneIdx: text(),
    phoneMasked: text(),
    outcome: actionOutcome().notNull(),
    promiseAmount: bigint({ mode: 'number' }),
    promiseDate: date({ mode: 'string' }),
    note: text().notNull().default(''),
    flags: jsonb().$type<ActionFlag[]>().notNull().default([]),
    ruleVersion: integer().notNull(),
    correctsId: uuid().references((): AnyPgColumn => caseActions.id),
    /** The approved template sent (SMS and letters), whose text is the message. */
    templateId: uuid().references((): AnyPgColumn => messageTemplates.id),
    at: ts().notNull().defaultNow(),
  },
  (t) => [
    index('case_actions_debtor_idx').on(t.debtorIdx, t.at),
    index('case_actions_phone_idx').on(t.phoneIdx, t.at),
    index('case_actions_case_idx').on(t.caseId, t.at, t.id),
    index('case_actions_agency_idx').on(t.agencyId, t.at, t.id),
    index('case_actions_creditor_idx').on(t.creditorId, t.at, t.id),
    // The dashboard's rule flags per agency: only flagged actions are indexed.
    index('case_actions_flagged_idx')
      .on(t.creditorId, t.at, t.agencyId)
      .where(sql`jsonb_array_length(${t.flags}) > 0`),
  ],
);

export type CaseAction = typeof caseActions.$inferSelect;

export const promiseStatus = pgEnum('promise_status', PROMISE_STATUSES);

/**
 * A promise to pay (承诺还款) made in an action: open until its date has passed by a
 * day, then broken unless met (a confirmed repayment keeps it).
 */
export const promises = pgTable(
  'promises',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    actionId: uuid()
      .notNull()
      .references(() => caseActions.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    amount: bigint({ mode: 'number' }).notNull(),
    dueDate: date({ mode: 'string' }).notNull(),
    status: promiseStatus().notNull().default('open'),
    brokenAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('promises_case_idx').on(t.caseId, t.status),
    index('promises_due_idx').on(t.status, t.dueDate),
    index('promises_agency_idx').on(t.agencyId, t.status, t.dueDate),
    index('promises_creditor_due_idx').on(t.creditorId, t.dueDate, t.agencyId, t.status),
  ],
);

export type PromiseRow = typeof promises.$inferSelect;

/** Who raised a hold or asked for a plan or a way of contact: the agency working the case, or the debtor on their own page. */
export const holdOrigin = pgEnum('hold_origin', HOLD_ORIGINS);
export const restructureKind = pgEnum('restructure_kind', RESTRUCTURE_KINDS);
export const restructureStatus = pgEnum('restructure_status', RESTRUCTURE_STATUSES);

export type RestructureTerms = {
  /** Reduction of the overdue amount, in basis points. */
  reductionBp?: number;
  /** Deferral: the new date the whole amount is due. */
  deferTo?: string;
  /** Instalments: how many, from which date, monthly. */
  instalments?: number;
  firstDueDate?: string;
};
export type ScheduleLine = { dueDate: string; amount: number };

/**
 * A restructuring request (减免 / 延期 / 分期, DESIGN §3): proposed by the agency; inside the
 * package's bands it is approved at once, otherwise the creditor decides within 3 business
 * days or it expires. An approved request's schedule is the case's plan.
 */
export const restructureRequests = pgTable(
  'restructure_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    commissionId: uuid()
      .notNull()
      .references(() => commissions.id),
    kind: restructureKind().notNull(),
    terms: jsonb().$type<RestructureTerms>().notNull(),
    /** The amount to be paid under the plan, and when. */
    totalAmount: bigint({ mode: 'number' }).notNull(),
    /** What the case had repaid when the request was made: the plan covers what was still owed then. */
    repaidBefore: bigint({ mode: 'number' }).notNull().default(0),
    schedule: jsonb().$type<ScheduleLine[]>().notNull(),
    reason: text().notNull(),
    status: restructureStatus().notNull().default('proposed'),
    isAutoApproved: boolean().notNull().default(false),
    expiresAt: ts().notNull(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: ts(),
    decisionNote: text(),
    /** The agency's user who proposed it; none when the debtor asked on their own page. */
    createdBy: uuid().references(() => users.id),
    /** Who asked: the agency working the case, or the debtor on their own page (the reason then is the creditor's to read). */
    origin: holdOrigin().notNull().default('agency'),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    check('restructure_requests_origin_check', sql`${t.origin} = 'debtor' or ${t.createdBy} is not null`),
    index('restructure_case_idx').on(t.caseId, t.createdAt),
    index('restructure_creditor_idx').on(t.creditorId, t.status, t.createdAt, t.id),
  ],
);

export type RestructureRequest = typeof restructureRequests.$inferSelect;

export const templateStatus = pgEnum('template_status', TEMPLATE_STATUSES);

/**
 * A message template (SMS or letter) an agency drafts for one package: refused outright if
 * it contains a forbidden phrase (NIFA 2018), sent only once the package's creditor approved
 * it. The text never changes after submission: a change is a new template.
 */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    packageId: uuid()
      .notNull()
      .references(() => packages.id),
    channel: actionChannel().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    status: templateStatus().notNull().default('submitted'),
    decidedBy: uuid().references(() => users.id),
    decidedAt: ts(),
    decisionNote: text(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('templates_agency_idx').on(t.agencyId, t.packageId, t.status),
    index('templates_creditor_idx').on(t.creditorId, t.status, t.createdAt, t.id),
  ],
);

export type MessageTemplate = typeof messageTemplates.$inferSelect;
