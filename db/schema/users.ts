import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ROLES } from '../../lib/enums';
import type { SealedPhone } from './cases';
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
    // DESIGN §5: the user's mobile number is sealed like a debtor's (ciphertext, blind
    // index, mask); screens show the mask, the user their own number.
    phoneSealed: jsonb().$type<SealedPhone>(),
    /**
     * The number in plain text, as kept before migration 0030. `npm run db:migrate` seals
     * what is left into phone_sealed and empties it (server/migrate.ts); since 0030 the
     * database refuses a new value here (CHECK users_phone_plain_empty). Dropped in a later
     * migration, once every installation has run the re-seal.
     */
    plainPhone: text('phone'),
    role: userRole().notNull(),
    // argon2id; null until the invited user accepts the invitation and sets one.
    passwordHash: text(),
    // SHA-256 of the one-time invitation token; the token itself is never stored.
    inviteTokenHash: text(),
    inviteExpiresAt: ts(),
    disabledAt: ts(),
    lastSignInAt: ts(),
    // Carried in the session token at sign-in and compared on every request: raising it
    // (sign-out, password change, disabling, a blocked organization) ends every session
    // the user holds, though a token's own expiry is hours away.
    sessionVersion: integer().notNull().default(0),
    /**
     * The work number (工号) inside the organization, given in order as users join (the
     * database assigns it: trigger users_work_no): what a debtor is told instead of the
     * collector's name, and what a dialer may name its agent by.
     */
    workNo: text(),
    ...timestamps,
  },
  // Ascending btree columns: lists read them backwards for ORDER BY … DESC (NULLS FIRST),
  // which an index declared DESC NULLS LAST could not serve.
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_invite_token_key')
      .on(t.inviteTokenHash)
      .where(sql`${t.inviteTokenHash} is not null`),
    index('users_org_list_idx').on(t.orgId, t.createdAt, t.id),
    uniqueIndex('users_work_no_key').on(t.orgId, t.workNo),
  ],
);

export type User = typeof users.$inferSelect;
