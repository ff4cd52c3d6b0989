import { index, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { CASE_CHANGE_FIELDS, CASE_CHANGE_SOURCES } from '../../lib/enums';
import { caseImports, cases, type SealedPhone } from './cases';
import { ts } from './columns';
import { storedFiles } from './files';
import { organizations } from './organizations';
import { users } from './users';

export const caseChangeField = pgEnum('case_change_field', CASE_CHANGE_FIELDS);
export const caseChangeSource = pgEnum('case_change_source', CASE_CHANGE_SOURCES);

/**
 * A value before or after a change. Numbers only sealed (ciphertext, blind index, mask):
 * never the number in clear. Money in fen.
 */
export type CaseChangeValue =
  | { phone: SealedPhone; position: number }
  | { contact: { name: string; relation: string; phone: SealedPhone }; position: number }
  | { address: string | null }
  | { amount: number };

/**
 * Debtor data changes (失联修复): a number or an address an agency found, or what a
 * creditor's update file changed. Append-only (the database refuses UPDATE, DELETE and
 * TRUNCATE), so what a past action relied on stays readable: the case keeps its numbers in
 * place and this history says when each came and went, and what a balance was before.
 */
export const caseChanges = pgTable(
  'case_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    field: caseChangeField().notNull(),
    oldValue: jsonb().$type<CaseChangeValue>(),
    newValue: jsonb().$type<CaseChangeValue>(),
    source: caseChangeSource().notNull(),
    /** The creditor's update file that made the change, if one did. */
    importId: uuid().references(() => caseImports.id),
    /** An agency's evidence of its finding (a photo, a recording, a document), stored by SHA-256. */
    evidenceFileId: uuid().references(() => storedFiles.id),
    actorId: uuid()
      .notNull()
      .references(() => users.id),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    note: text().notNull().default(''),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('case_changes_case_idx').on(t.caseId, t.createdAt, t.id),
    index('case_changes_import_idx').on(t.importId),
    index('case_changes_evidence_idx').on(t.evidenceFileId),
  ],
);

export type CaseChange = typeof caseChanges.$inferSelect;
