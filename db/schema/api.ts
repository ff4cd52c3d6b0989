import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { organizations } from './organizations';
import { users } from './users';

// Keys for the organization's own systems (loan systems, dialers) to call /api/v1. The
// secret is shown once: what is kept is its SHA-256 (the secret is 256 random bits, so
// no slow hash is needed) and a short prefix to find the row by.
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    /** The first characters of the secret after `dl_live_`, unique: the lookup. */
    prefix: text().notNull(),
    /** SHA-256 of the whole secret, hex. */
    secretHash: text().notNull(),
    scopes: text().array().notNull(),
    /** Calls a minute. */
    rateLimit: integer().notNull(),
    expiresAt: ts(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
    revokedAt: ts(),
    revokedBy: uuid().references(() => users.id),
    lastUsedAt: ts(),
    lastUsedIp: text(),
  },
  (t) => [uniqueIndex('api_keys_prefix_idx').on(t.prefix), index('api_keys_org_idx').on(t.orgId, t.createdAt, t.id)],
);

export type ApiKey = typeof apiKeys.$inferSelect;

// Calls of a key counted per minute, in the database so that every app instance counts
// the same calls (an upsert per call: no advisory lock, no row per call).
export const apiRateWindows = pgTable(
  'api_rate_windows',
  {
    keyId: uuid()
      .notNull()
      .references(() => apiKeys.id),
    windowStart: ts().notNull(),
    calls: integer().notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.windowStart] }), index('api_rate_windows_start_idx').on(t.windowStart)],
);

// A retried request with the same Idempotency-Key answers what the first one answered; the
// same key with another body is refused. Kept a day (the retention sweep).
export const apiIdempotency = pgTable(
  'api_idempotency',
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    key: text().notNull(),
    /** Method and route the key was used on, and the SHA-256 of the body. */
    route: text().notNull(),
    bodyHash: text().notNull(),
    /** Null while the first request is still being answered. */
    status: integer(),
    response: text(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.key] }),
    index('api_idempotency_created_idx').on(t.createdAt),
    index('api_idempotency_pending_idx')
      .on(t.createdAt)
      .where(sql`status is null`),
  ],
);
