import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgEnum, pgTable, smallint, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INSTALMENT_STATUSES, PLAN_STATUSES } from '../../lib/enums';
import { restructureKind, restructureRequests } from './actions';
import { cases } from './cases';
import { ts } from './columns';
import { organizations } from './organizations';

export const planStatus = pgEnum('plan_status', PLAN_STATUSES);
export const instalmentStatus = pgEnum('instalment_status', INSTALMENT_STATUSES);

/**
 * A case's repayment plan (还款计划): made in the transaction that approves a restructuring,
 * one line per line of its schedule. The plan covers what the case still owed when the
 * request was made (`repaidBefore` was repaid by then and stays outside it); repayments
 * confirmed from then on (`countsFrom`) pay its instalments, oldest first. One plan per case
 * is in force (active, or completed once paid); a newer approved plan supersedes it, and an
 * instalment unpaid past the grace breaks it. Plans that ended stay as the case's history.
 */
export const repaymentPlans = pgTable(
  'repayment_plans',
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
    requestId: uuid()
      .notNull()
      .references(() => restructureRequests.id),
    kind: restructureKind().notNull(),
    /** What the plan's instalments add up to, in fen. */
    totalAmount: bigint({ mode: 'number' }).notNull(),
    /** What the case had repaid when the request was made: outside the plan. */
    repaidBefore: bigint({ mode: 'number' }).notNull(),
    /** Repayments confirmed from this moment on pay the plan's instalments. */
    countsFrom: ts().notNull(),
    /** Days after an instalment's due date it may still be paid before the plan breaks (the package's, at approval). */
    graceDays: smallint().notNull(),
    status: planStatus().notNull().default('active'),
    approvedAt: ts().notNull(),
    /** When the plan stopped being in force, or was paid off. */
    endedAt: ts(),
    /** Broken: the day (Beijing) it broke and the instalment left unpaid. */
    brokenOn: date({ mode: 'string' }),
    missedInstalmentNo: smallint(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('repayment_plans_request_key').on(t.requestId),
    // One plan in force per case.
    uniqueIndex('repayment_plans_in_force_key')
      .on(t.caseId)
      .where(sql`${t.status} in ('active', 'completed')`),
    index('repayment_plans_case_idx').on(t.caseId, t.createdAt),
    check('repayment_plans_grace_check', sql`${t.graceDays} between 0 and 30`),
  ],
);

/** One instalment of a plan: what is due on which day, and what the plan's repayments paid of it. */
export const planInstalments = pgTable(
  'plan_instalments',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid()
      .notNull()
      .references(() => repaymentPlans.id),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    /** 1, 2, … in date order. */
    no: smallint().notNull(),
    dueDate: date({ mode: 'string' }).notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    paidAmount: bigint({ mode: 'number' }).notNull().default(0),
    /** The payment day of the repayment that completed it. */
    paidOn: date({ mode: 'string' }),
    status: instalmentStatus().notNull().default('due'),
  },
  (t) => [
    uniqueIndex('plan_instalments_no_key').on(t.planId, t.no),
    // The sweep that breaks plans reads unpaid instalments by due date.
    index('plan_instalments_due_idx')
      .on(t.dueDate)
      .where(sql`${t.status} in ('due', 'partly_paid')`),
    check('plan_instalments_paid_check', sql`${t.paidAmount} between 0 and ${t.amount}`),
    check('plan_instalments_amount_check', sql`${t.amount} >= 0`),
    check('plan_instalments_no_check', sql`${t.no} between 1 and 60`),
  ],
);

export type RepaymentPlan = typeof repaymentPlans.$inferSelect;
export type PlanInstalment = typeof planInstalments.$inferSelect;
