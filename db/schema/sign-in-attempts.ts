import { bigint, boolean, index, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns';

// Kept in the database (not in process memory) so that throttling holds across
// every app instance behind the load balancer.
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    ip: text().notNull(),
    isSuccess: boolean().notNull(),
    at: ts().notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_email_idx').on(t.email, t.at), index('sign_in_attempts_ip_idx').on(t.ip, t.at)],
);
