import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { APPLICATION_STATUSES, TIERS } from '../enums';
import { timestamps, ts } from './columns';
import { orgType, organizations } from './organizations';
import { users } from './users';

export const applicationStatus = pgEnum('application_status', APPLICATION_STATUSES);
export const tier = pgEnum('admission_tier', TIERS);

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
