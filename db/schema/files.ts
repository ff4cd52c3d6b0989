import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { organizations } from './organizations';
import { users } from './users';

/**
 * Every uploaded file: who uploaded it for which organization, its SHA-256 (the storage
 * key: identical bytes are stored once), size and the type recognised from its bytes.
 * The database refuses UPDATE, TRUNCATE, and DELETE of a file younger than 25 hours: an
 * upload still waiting to be attached stays; later, a file nothing points at is removed by
 * the retention sweep, and one a record points at is held by that record's foreign key.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    uploadedBy: uuid()
      .notNull()
      .references(() => users.id),
    sha256: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    mime: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('stored_files_org_idx').on(t.orgId, t.createdAt),
    index('stored_files_sha256_idx').on(t.sha256),
    // The retention sweep looks for uploads past their attach window.
    index('stored_files_created_idx').on(t.createdAt, t.id),
  ],
);

export type StoredFile = typeof storedFiles.$inferSelect;
