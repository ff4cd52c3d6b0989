import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { JOB_STATUSES } from '../../lib/enums';
import { ts } from './columns';

export const jobStatus = pgEnum('job_status', JOB_STATUSES);

/**
 * The background job queue (DESIGN §8): long work (imports, term ends, offer deadlines)
 * waits here until a worker in any app instance claims it with FOR UPDATE SKIP LOCKED.
 * A claimed job holds a lease; a worker that dies leaves the lease to run out and the job
 * is claimed again. `key` makes scheduling idempotent (one job per key).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    kind: text().notNull(),
    key: text(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: jobStatus().notNull().default('queued'),
    runAt: ts().notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(3),
    lockedUntil: ts(),
    lastError: text(),
    createdAt: ts().notNull().defaultNow(),
    finishedAt: ts(),
  },
  (t) => [
    uniqueIndex('jobs_key_idx').on(t.kind, t.key),
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`${t.status} in ('queued', 'running')`),
    // Retention: finished jobs past their window.
    index('jobs_finished_idx')
      .on(t.finishedAt)
      .where(sql`${t.status} in ('done', 'failed')`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
