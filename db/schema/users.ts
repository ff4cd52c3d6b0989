import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ROLES } from '../enums';
import { timestamps, ts } from './columns';
import { organizations } from './organizations';

export const userRole = pgEnum('user_role', ROLES);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    // Stored lower-cased; unique across the platform so a sign-in names one account.
    email: text().notNull(),
    name: text().notNull(),
    phone: text(),
    role: userRole().notNull(),
    // argon2id; null until the invited user accepts the invitation and sets one.
    passwordHash: text(),
    // SHA-256 of the one-time invitation token; the token itself is never stored.
    inviteTokenHash: text(),
    inviteExpiresAt: ts(),
    disabledAt: ts(),
    lastSignInAt: ts(),
    ...timestamps,
  },
  // Ascending btree columns: lists read them backwards for ORDER BY … DESC (NULLS FIRST),
  // which an index declared DESC NULLS LAST could not serve.
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_invite_token_key').on(t.inviteTokenHash).where(sql`${t.inviteTokenHash} is not null`),
    index('users_org_list_idx').on(t.orgId, t.createdAt, t.id),
  ],
);

export type User = typeof users.$inferSelect;
