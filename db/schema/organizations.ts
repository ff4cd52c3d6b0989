import { index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { BAN_CATEGORIES, ORG_STATUSES, ORG_TYPES, TIERS } from '../../lib/enums';
import { timestamps, ts } from './columns';

export const orgType = pgEnum('org_type', ORG_TYPES);
export const orgStatus = pgEnum('org_status', ORG_STATUSES);
export const tier = pgEnum('admission_tier', TIERS);
export const banCategory = pgEnum('ban_category', BAN_CATEGORIES);

export const organizations = pgTable(
  'organizations',
  {
    id: uuid().primaryKey().defaultRandom(),
    type: orgType().notNull(),
    name: text().notNull(),
    // 统一社会信用代码, 18 characters, GB 32100 check character validated before insert.
    creditCode: text().notNull().unique(),
    status: orgStatus().notNull().default('applicant'),
    province: text(),
    city: text(),
    // Admission (DESIGN §3, §7): tier A/B/C, valid one year; re-review due before expiry.
    tier: tier(),
    admittedAt: ts(),
    admissionExpiresAt: ts(),
    bannedAt: ts(),
    banCategory: banCategory(),
    ...timestamps,
  },
  // Ascending btree columns: lists read them backwards for ORDER BY … DESC (NULLS FIRST),
  // which an index declared DESC NULLS LAST could not serve.
  (t) => [
    index('organizations_list_idx').on(t.createdAt, t.id),
    index('organizations_type_status_idx').on(t.type, t.status, t.createdAt, t.id),
    // Public lists: admitted agencies by name, banned ones by date.
    index('organizations_public_idx').on(t.type, t.status, t.name, t.id),
  ],
);

export type Organization = typeof organizations.$inferSelect;
