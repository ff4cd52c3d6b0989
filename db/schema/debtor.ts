import { index, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { SMS_KINDS, SMS_STATUSES } from '../../lib/debtor';
import { cases } from './cases';
import { ts } from './columns';

export const smsKind = pgEnum('sms_kind', SMS_KINDS);
export const smsStatus = pgEnum('sms_status', SMS_STATUSES);

/**
 * Every text message the platform sends (the outbox): written in the transaction that
 * decides to send it, delivered by the job worker through the configured provider. The
 * number and the template's values (a one-time code among them) are sealed at rest.
 */
export const smsMessages = pgTable(
  'sms_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: smsKind().notNull(),
    toEnc: text().notNull(),
    toIdx: text().notNull(),
    toMasked: text().notNull(),
    /** The template's values as sealed JSON. */
    paramsEnc: text().notNull(),
    caseId: uuid().references(() => cases.id),
    status: smsStatus().notNull().default('queued'),
    /** The provider that took it, and its message id. */
    provider: text(),
    providerRef: text(),
    error: text(),
    attempts: smallint().notNull().default(0),
    createdAt: ts().notNull().defaultNow(),
    sentAt: ts(),
  },
  (t) => [
    index('sms_messages_created_idx').on(t.createdAt, t.id),
    index('sms_messages_case_idx').on(t.caseId, t.createdAt),
  ],
);
export type SmsMessage = typeof smsMessages.$inferSelect;

/**
 * A one-time code sent to one of a case's numbers: only its hash is kept; five wrong tries
 * spend it, and it lapses after a few minutes.
 */
export const debtorCodes = pgTable(
  'debtor_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    phoneIdx: text().notNull(),
    codeHash: text().notNull(),
    attempts: smallint().notNull().default(0),
    /** The client address that asked for it. */
    client: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
    expiresAt: ts().notNull(),
    usedAt: ts(),
  },
  (t) => [index('debtor_codes_case_idx').on(t.caseId, t.createdAt)],
);

/** A verified debtor's session: bound to one case, 30 minutes, its token kept as a hash. */
export const debtorSessions = pgTable(
  'debtor_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    phoneIdx: text().notNull(),
    codeId: uuid()
      .notNull()
      .references(() => debtorCodes.id),
    createdAt: ts().notNull().defaultNow(),
    expiresAt: ts().notNull(),
    endedAt: ts(),
  },
  (t) => [uniqueIndex('debtor_sessions_token_key').on(t.tokenHash), index('debtor_sessions_case_idx').on(t.caseId)],
);
export type DebtorSession = typeof debtorSessions.$inferSelect;
