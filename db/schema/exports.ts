import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { EXPORT_FORMATS, EXPORT_LISTS, IMPORT_STATUSES } from '../../lib/enums';
import { timestamps, ts } from './columns';
import { storedFiles } from './files';
import { organizations } from './organizations';
import { users } from './users';

export const exportList = pgEnum('export_list', EXPORT_LISTS);
export const exportFormat = pgEnum('export_format', EXPORT_FORMATS);
export const exportStatus = pgEnum('export_status', IMPORT_STATUSES);

/**
 * An export of a list a user can see, with its filters, written by a background job as
 * the user sees it (masked, formulas neutralised): the page follows its progress and
 * downloads the file when it is done. Only its user reads it.
 */
export const listExports = pgTable(
  'list_exports',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    list: exportList().notNull(),
    format: exportFormat().notNull(),
    filters: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** The language of the headers and values. */
    locale: text().notNull(),
    status: exportStatus().notNull().default('queued'),
    rowCount: integer().notNull().default(0),
    fileId: uuid().references(() => storedFiles.id),
    fileName: text().notNull(),
    /** Why it failed: an error code with a translated message. */
    error: text(),
    finishedAt: ts(),
    ...timestamps,
  },
  (t) => [
    index('list_exports_user_idx').on(t.userId, t.createdAt, t.id),
    // Whether a file is held (retention, downloads).
    index('list_exports_file_idx')
      .on(t.fileId)
      .where(sql`${t.fileId} is not null`),
  ],
);

export type ListExport = typeof listExports.$inferSelect;
