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
import { CASE_STATUSES, IMPORT_KINDS, IMPORT_STATUSES, type CaseChangeSource } from '../../lib/enums';
import { timestamps, ts } from './columns';
import { storedFiles } from './files';
import { organizations } from './organizations';
import { users } from './users';

export const importStatus = pgEnum('case_import_status', IMPORT_STATUSES);
export const importKind = pgEnum('import_kind', IMPORT_KINDS);
export const caseStatus = pgEnum('case_status', CASE_STATUSES);

/** A problem with one cell of an import, by row number (as the spreadsheet shows it) and column header. */
export type ImportRowError = { row: number; column: string; code: string; values?: Record<string, string | number> };
/** A problem with the file as a whole (encoding, missing headers, not a spreadsheet). */
export type ImportFileError = { code: string; values?: Record<string, string | number> };
/** What a repayment file did once it landed: reports confirmed, direct payments recorded, rows already on record. */
export type ImportSummary = { matched: number; direct: number; alreadyRecorded: number; amount: number };

/**
 * One upload of a creditor's file (DESIGN §6): cases, or repayments from its loan system.
 * It lands whole or not at all: the job validates every row and commits in one
 * transaction, or records the errors (the first ones here, all of them in the
 * downloadable report) and commits nothing.
 */
export const caseImports = pgTable(
  'case_imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id),
    fileName: text().notNull(),
    kind: importKind().notNull().default('cases'),
    status: importStatus().notNull().default('queued'),
    format: text(),
    encoding: text(),
    bytesTotal: bigint({ mode: 'number' }).notNull().default(0),
    bytesRead: bigint({ mode: 'number' }).notNull().default(0),
    rowCount: integer().notNull().default(0),
    /** While a checked file is being written: rows written so far (where the database can say so while it writes). */
    rowsWritten: integer().notNull().default(0),
    errorCount: integer().notNull().default(0),
    fileError: jsonb().$type<ImportFileError>(),
    /** The first errors, for the screen; the report file has every one. */
    errors: jsonb().$type<ImportRowError[]>().notNull().default([]),
    reportFileId: uuid().references(() => storedFiles.id),
    /** Columns the file had that the format does not know, kept with each case as extra data. */
    extraColumns: jsonb().$type<string[]>().notNull().default([]),
    /** A repayment file's outcome, once it landed. */
    summary: jsonb().$type<ImportSummary>(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    finishedAt: ts(),
    ...timestamps,
  },
  (t) => [
    index('case_imports_creditor_idx').on(t.creditorId, t.createdAt, t.id),
    index('case_imports_kind_idx').on(t.creditorId, t.kind, t.createdAt, t.id),
    // Whether a file is held (retention, downloads): one lookup per holder column.
    index('case_imports_file_idx').on(t.fileId),
    index('case_imports_report_file_idx')
      .on(t.reportFileId)
      .where(sql`${t.reportFileId} is not null`),
  ],
);

/**
 * Rows of a case file already checked and sealed, waiting while the rest of the file is
 * read. The import reads and stages outside any transaction (its progress is saved as it
 * goes, and nothing else waits on it), then lands every staged row in one short
 * transaction, or none. The rows are removed when the import ends; a job that dies leaves
 * them to its retry, which starts by clearing them. Unlogged: a crash loses only work a
 * retry redoes.
 */
export const caseImportRows = pgTable(
  'case_import_rows',
  {
    importId: uuid()
      .notNull()
      .references(() => caseImports.id, { onDelete: 'cascade' }),
    /** The row number as the spreadsheet shows it. */
    row: integer().notNull(),
    contractNo: text().notNull(),
    /** The sealed case, in the shape of `sealCase`. */
    data: jsonb().notNull(),
  },
  // One contract number per file: a second row with it is a duplicate within the file.
  (t) => [primaryKey({ columns: [t.importId, t.contractNo] })],
);

/** A phone number sealed at rest (DESIGN §5): ciphertext, blind index for lookup, and its mask for display. */
export type SealedPhone = { enc: string; idx: string; masked: string };
/**
 * A number on a case. Actions and the work screen name a number by its position, so
 * numbers are only ever appended: one found later says where it came from and when, and
 * one no longer in use is marked retired (kept in place, refused by the work screen).
 */
export type CasePhone = SealedPhone & { source?: CaseChangeSource; addedAt?: string; retiredAt?: string };
export type CaseContact = {
  name: string;
  relation: string;
  phone: SealedPhone;
  source?: CaseChangeSource;
  addedAt?: string;
};

/**
 * One overdue loan of one debtor. Debtor ID and phone numbers are encrypted (AES-256-GCM)
 * with an HMAC blind index; the masked forms are stored beside them so that lists of a
 * million cases never decrypt. Days overdue and the bucket are not stored: they are counted
 * from `overdueSince` on the day they are read.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    importId: uuid()
      .notNull()
      .references(() => caseImports.id),
    contractNo: text().notNull(),
    debtorName: text().notNull(),
    idNumberEnc: text().notNull(),
    idNumberIdx: text().notNull(),
    idNumberMasked: text().notNull(),
    phones: jsonb().$type<CasePhone[]>().notNull(),
    contacts: jsonb().$type<CaseContact[]>().notNull().default([]),
    loanAmount: bigint({ mode: 'number' }).notNull(),
    principalOutstanding: bigint({ mode: 'number' }).notNull(),
    amountOverdue: bigint({ mode: 'number' }).notNull(),
    /**
     * The day the first missed payment fell due, as the case file gave it (its days overdue
     * counted back from the day of import, Beijing). Kept as filed: the history a plan or a
     * reversal returns to.
     */
    overdueFrom: date({ mode: 'string' }).notNull(),
    /**
     * The day today's days overdue count from (server/domain/cases/ageing.ts): the filed
     * date, the first unpaid line of an approved plan, or null while the case is current.
     * Days overdue and the bucket (M0 … M12+) are computed from it on the day they are read.
     */
    overdueSince: date({ mode: 'string' }),
    loanDate: date({ mode: 'string' }),
    product: text(),
    /** GB/T 2260 province code (two digits). */
    province: text(),
    city: text(),
    address: text(),
    extra: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** The debtor's IANA time zone for the contact window; null is Asia/Shanghai. */
    timeZone: text(),
    status: caseStatus().notNull().default('new'),
    // Placement: the package it is in, and while commissioned, the agency, the commission
    // and the collector working it. Foreign keys are added with the packages migration.
    packageId: uuid(),
    agencyId: uuid(),
    commissionId: uuid(),
    collectorId: uuid(),
    /** Confirmed repayments to date, in fen (reversals taken off). */
    repaidAmount: bigint({ mode: 'number' }).notNull().default(0),
    /** The day (Beijing) the case was paid off, while it stays settled: the monthly disclosure counts by it. */
    settledOn: date({ mode: 'string' }),
    /** The day (Beijing) the creditor closed the case as unrecoverable (核销), and why: the monthly disclosure counts by it. */
    closedOn: date({ mode: 'string' }),
    closedReason: text(),
    /**
     * The day (Beijing) the case's repayment plan broke (an instalment unpaid past its grace):
     * the case owes its overdue amount again. Cleared when a new plan is approved.
     */
    planBrokenOn: date({ mode: 'string' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cases_contract_idx').on(t.creditorId, t.contractNo),
    // The public complaint page finds a case by its contract number alone.
    index('cases_contract_no_idx').on(t.contractNo),
    index('cases_creditor_list_idx').on(t.creditorId, t.createdAt, t.id),
    // Filters: a bucket is a range of overdue_since on the day it is read.
    index('cases_creditor_filter_idx').on(t.creditorId, t.status, t.overdueSince, t.province),
    index('cases_creditor_province_idx').on(t.creditorId, t.province, t.overdueSince),
    index('cases_import_idx').on(t.importId),
    index('cases_id_number_idx').on(t.idNumberIdx),
    index('cases_package_idx').on(t.packageId, t.overdueSince),
    index('cases_agency_list_idx').on(t.agencyId, t.createdAt, t.id),
    index('cases_collector_list_idx').on(t.collectorId, t.createdAt, t.id),
    index('cases_commission_idx').on(t.commissionId),
    index('cases_settled_idx')
      .on(t.creditorId, t.settledOn)
      .where(sql`${t.settledOn} is not null`),
    index('cases_closed_idx')
      .on(t.creditorId, t.closedOn)
      .where(sql`${t.closedOn} is not null`),
  ],
);

export type CaseRow = typeof cases.$inferSelect;
export type CaseImport = typeof caseImports.$inferSelect;
