import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ADMISSION_DOCUMENT_KINDS, APPLICATION_STATUSES, type CRITERION_GROUPS } from '../../lib/enums';
import { timestamps, ts } from './columns';
import { storedFiles } from './files';
import { orgType, organizations, tier } from './organizations';
import { users } from './users';

export const applicationStatus = pgEnum('application_status', APPLICATION_STATUSES);

/**
 * One admission application of an organization. Sections are saved as drafts between
 * steps (partial JSON); submission checks them complete. The legal representative's ID
 * number is sealed (AES-256-GCM) with a blind index for the ban list, never kept in JSON.
 */
export const admissionApplications = pgTable(
  'admission_applications',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    kind: orgType().notNull(),
    status: applicationStatus().notNull().default('draft'),
    isRenewal: boolean().notNull().default(false),
    sections: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    templateId: uuid(),
    legalRepIdSealed: text(),
    legalRepIdIndex: text(),
    createdBy: uuid().references(() => users.id),
    submittedAt: ts(),
    submissionCount: integer().notNull().default(0),
    infoRequest: text(),
    decidedAt: ts(),
    score: integer(),
    tier: tier(),
    decisionReason: text(),
    ...timestamps,
  },
  (t) => [
    // One open application per organization at a time.
    uniqueIndex('admission_applications_open_key')
      .on(t.orgId)
      .where(sql`${t.status} in ('draft', 'submitted', 'under_review', 'info_requested')`),
    index('admission_applications_queue_idx').on(t.status, t.submittedAt, t.id),
    index('admission_applications_org_idx').on(t.orgId, t.createdAt),
    index('admission_applications_legal_rep_idx').on(t.legalRepIdIndex),
  ],
);

export type AdmissionApplication = typeof admissionApplications.$inferSelect;

export type Criterion = {
  key: string;
  /** Points this criterion carries; a template's weights sum to 100. */
  weight: number;
  group: (typeof CRITERION_GROUPS)[number];
  label: { 'zh-CN': string; en: string };
  guidance: { 'zh-CN': string; en: string };
};

/**
 * Versioned scoring templates (DESIGN §7). Editing makes a new version; an application is
 * scored against the version active when it was submitted, and old versions stay readable.
 */
export const admissionTemplates = pgTable(
  'admission_templates',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: orgType().notNull(),
    version: integer().notNull(),
    criteria: jsonb().$type<Criterion[]>().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('admission_templates_kind_version_key').on(t.kind, t.version)],
);

export const reviewStatus = pgEnum('admission_review_status', ['scoring', 'awaiting_approval', 'final']);
export const reviewDecision = pgEnum('admission_decision', ['admit', 'reject']);

export type CriterionScore = { key: string; score: number; note: string };

/** One reviewer's scoring of one submission, and the decision with its second approval. */
export const admissionReviews = pgTable(
  'admission_reviews',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => admissionApplications.id),
    submission: integer().notNull(),
    templateId: uuid()
      .notNull()
      .references(() => admissionTemplates.id),
    reviewerId: uuid()
      .notNull()
      .references(() => users.id),
    scores: jsonb().$type<CriterionScore[]>().notNull().default([]),
    total: integer(),
    hasFraudOrAbuse: boolean().notNull().default(false),
    status: reviewStatus().notNull().default('scoring'),
    decision: reviewDecision(),
    computedDecision: reviewDecision(),
    tier: tier(),
    reason: text(),
    approverId: uuid().references(() => users.id),
    approvedAt: ts(),
    ...timestamps,
  },
  (t) => [uniqueIndex('admission_reviews_submission_key').on(t.applicationId, t.submission)],
);

export const admissionDocumentKind = pgEnum('admission_document_kind', ADMISSION_DOCUMENT_KINDS);

/**
 * The documents attached to an application (the files themselves are append-only in
 * stored_files). Attaching and removing is possible while the applicant may edit.
 */
export const admissionDocuments = pgTable(
  'admission_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => admissionApplications.id),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id),
    kind: admissionDocumentKind().notNull(),
    fileName: text().notNull(),
    addedBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('admission_documents_application_idx').on(t.applicationId, t.createdAt),
    index('admission_documents_file_idx').on(t.fileId),
  ],
);

export type AdmissionDocument = typeof admissionDocuments.$inferSelect;
