import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  COMMISSION_LINE_KINDS,
  REPAYMENT_CHANNELS,
  REPAYMENT_SOURCES,
  REPAYMENT_STATUSES,
  STATEMENT_STATUSES,
} from '../../lib/enums';
import { caseImports, cases } from './cases';
import { ts } from './columns';
import { storedFiles } from './files';
import { commissions } from './packages';
import { organizations } from './organizations';
import { users } from './users';

export const repaymentStatus = pgEnum('repayment_status', REPAYMENT_STATUSES);
export const repaymentChannel = pgEnum('repayment_channel', REPAYMENT_CHANNELS);
export const repaymentSource = pgEnum('repayment_source', REPAYMENT_SOURCES);

/**
 * A repayment on a case (回款), in integer fen: reported by the agency that holds the case
 * (with its receipt) or recorded by the creditor; the creditor confirms or disputes a
 * report, and may reverse a confirmed one. Only the status and its decision change: the
 * database refuses changes to the money, the date, the case or the reporter, and deletes.
 */
export const repayments = pgTable(
  'repayments',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    /** The agency that reported it, or held the case when the creditor recorded it; null if none did. */
    agencyId: uuid().references(() => organizations.id),
    commissionId: uuid().references(() => commissions.id),
    source: repaymentSource().notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    paidOn: date({ mode: 'string' }).notNull(),
    channel: repaymentChannel().notNull(),
    /** Who paid: the debtor, or a named third party. */
    payer: text().notNull(),
    /** The bank or payment-service transaction number, when there is one. */
    reference: text().notNull().default(''),
    receiptFileId: uuid().references(() => storedFiles.id),
    note: text().notNull().default(''),
    status: repaymentStatus().notNull(),
    /** Who recorded it; null for a payment the creditor's payment provider notified (online, by the debtor). */
    reportedBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: ts(),
    decisionNote: text(),
    reversedBy: uuid().references(() => users.id),
    reversedAt: ts(),
    reversalReason: text(),
    /** The creditor's repayment file that recorded it, or confirmed the agency's report. */
    importId: uuid().references(() => caseImports.id),
  },
  (t) => [
    index('repayments_case_idx').on(t.caseId, t.paidOn),
    index('repayments_creditor_idx').on(t.creditorId, t.status, t.createdAt, t.id),
    index('repayments_creditor_list_idx').on(t.creditorId, t.createdAt, t.id),
    index('repayments_agency_idx').on(t.agencyId, t.createdAt, t.id),
    // Whether a file is held (retention): a receipt holds its file.
    index('repayments_receipt_file_idx')
      .on(t.receiptFileId)
      .where(sql`${t.receiptFileId} is not null`),
    // Dashboards: confirmed money by day.
    index('repayments_confirmed_idx')
      .on(t.creditorId, t.paidOn)
      .where(sql`${t.status} = 'confirmed'`),
    // The same payment twice: same case, amount, day and transaction number, while it stands.
    uniqueIndex('repayments_same_payment_key')
      .on(t.caseId, t.amount, t.paidOn, t.reference)
      .where(sql`${t.status} in ('reported', 'confirmed')`),
  ],
);

export type Repayment = typeof repayments.$inferSelect;

export const commissionLineKind = pgEnum('commission_line_kind', COMMISSION_LINE_KINDS);
export const statementStatus = pgEnum('statement_status', STATEMENT_STATUSES);

/**
 * What the agency earns on one confirmed repayment dated inside its commission's term, at
 * the commission's fee rate (integer fen, rounded half up); a reversal of that repayment
 * adds a line of the opposite amount. Append-only: lines are never changed or deleted.
 */
export const commissionLines = pgTable(
  'commission_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    commissionId: uuid()
      .notNull()
      .references(() => commissions.id),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    repaymentId: uuid()
      .notNull()
      .references(() => repayments.id),
    kind: commissionLineKind().notNull(),
    /** The repayment amount the fee is on (negative for a reversal). */
    baseAmount: bigint({ mode: 'number' }).notNull(),
    feeBp: integer().notNull(),
    /** The fee in fen (negative for a reversal). */
    amount: bigint({ mode: 'number' }).notNull(),
    /** The day the line counts on: the repayment's day, or the day of the reversal. */
    earnedOn: date({ mode: 'string' }).notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    // One earned line and at most one reversal per repayment.
    uniqueIndex('commission_lines_repayment_kind_key').on(t.repaymentId, t.kind),
    index('commission_lines_pair_idx').on(t.creditorId, t.agencyId, t.earnedOn),
    index('commission_lines_agency_idx').on(t.agencyId, t.earnedOn),
  ],
);

export type CommissionLine = typeof commissionLines.$inferSelect;

/**
 * A monthly settlement statement between one creditor and one agency: the commission
 * lines up to the month's end not on an earlier statement. Both sides agree it, then the
 * creditor marks it paid.
 */
export const statements = pgTable(
  'statements',
  {
    id: uuid().primaryKey().defaultRandom(),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    /** `YYYY-MM`. */
    month: text().notNull(),
    status: statementStatus().notNull().default('draft'),
    lineCount: integer().notNull(),
    baseTotal: bigint({ mode: 'number' }).notNull(),
    total: bigint({ mode: 'number' }).notNull(),
    creditorAgreedBy: uuid().references(() => users.id),
    creditorAgreedAt: ts(),
    agencyAgreedBy: uuid().references(() => users.id),
    agencyAgreedAt: ts(),
    paidBy: uuid().references(() => users.id),
    paidAt: ts(),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('statements_pair_month_key').on(t.creditorId, t.agencyId, t.month),
    index('statements_creditor_idx').on(t.creditorId, t.month, t.id),
    index('statements_agency_idx').on(t.agencyId, t.month, t.id),
  ],
);

export type Statement = typeof statements.$inferSelect;

/** Which lines a statement holds: a line is on one statement at most, so nothing is paid twice. */
export const statementLines = pgTable(
  'statement_lines',
  {
    statementId: uuid()
      .notNull()
      .references(() => statements.id),
    lineId: uuid()
      .notNull()
      .references(() => commissionLines.id),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.lineId] }), uniqueIndex('statement_lines_line_key').on(t.lineId)],
);

/**
 * Money per creditor, agency and month, kept in the same transaction as each confirmation
 * and reversal, so dashboards read a few hundred rows instead of summing millions of
 * repayments: confirmed repayments by the month they were paid, commission by the month it
 * was earned (a reversal counts in its own month).
 */
export const moneyMonthly = pgTable(
  'money_monthly',
  {
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    /** `YYYY-MM`. */
    month: text().notNull(),
    recovered: bigint({ mode: 'number' }).notNull().default(0),
    repayments: integer().notNull().default(0),
    commission: bigint({ mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.creditorId, t.agencyId, t.month] }),
    index('money_monthly_agency_idx').on(t.agencyId, t.month),
  ],
);

/**
 * Commission lines not yet on a statement, with what a statement needs of them: filled by
 * a trigger as each line is written, emptied as statements pick them up. Statements are
 * drawn up from here rather than by looking for absent lines in all of history.
 */
export const openCommissionLines = pgTable(
  'open_commission_lines',
  {
    /** The commission line (written only by the trigger on commission_lines). */
    lineId: uuid().primaryKey(),
    creditorId: uuid().notNull(),
    agencyId: uuid().notNull(),
    earnedOn: date({ mode: 'string' }).notNull(),
    baseAmount: bigint({ mode: 'number' }).notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('open_commission_lines_pair_idx').on(t.creditorId, t.earnedOn, t.agencyId)],
);

/**
 * Confirmed money per commission and month of payment (reversals taken off), kept in the
 * same transaction as each confirmation and reversal: recovery curves by months since a
 * commission began read it instead of every repayment.
 */
export const commissionMonthly = pgTable(
  'commission_monthly',
  {
    commissionId: uuid()
      .notNull()
      .references(() => commissions.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    /** `YYYY-MM`. */
    month: text().notNull(),
    recovered: bigint({ mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.commissionId, t.month] }),
    index('commission_monthly_creditor_idx').on(t.creditorId),
  ],
);

/**
 * A creditor's monthly collection disclosure (每月催收数据公布) as it was published: the
 * figures are a snapshot, so what the public read never changes afterwards. One per
 * creditor and month; the database refuses changes and deletes.
 */
export const disclosures = pgTable(
  'disclosures',
  {
    id: uuid().primaryKey().defaultRandom(),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    /** `YYYY-MM`. */
    month: text().notNull(),
    figures: jsonb().$type<Record<string, unknown>>().notNull(),
    publishedBy: uuid()
      .notNull()
      .references(() => users.id),
    publishedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('disclosures_creditor_month_key').on(t.creditorId, t.month),
    index('disclosures_published_idx').on(t.publishedAt, t.id),
  ],
);

export type Disclosure = typeof disclosures.$inferSelect;
