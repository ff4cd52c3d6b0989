import { createHash } from 'node:crypto';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { INSPECTION_RANDOM_SHARE_PERCENT } from '@/lib/call-records';

// The random share of calls sampled for inspection (质检抽检) is chosen by the record's id
// alone: the same call is in the sample for everyone, on every page and every day, and no
// one (the agency least of all) can steer which calls are drawn, because ids are random.
// The bucket is the first 28 bits of the MD5 of the id's text, modulo 100; the same
// number is computed in SQL (for the queue) and here (for tests and a call's own page).

/** The call's bucket, 0–99. */
export const sampleBucket = (recordId: string): number =>
  Number.parseInt(createHash('md5').update(recordId.toLowerCase()).digest('hex').slice(0, 7), 16) % 100;

/** Is the call in the random share? */
export const isRandomSample = (recordId: string, percent = INSPECTION_RANDOM_SHARE_PERCENT): boolean =>
  sampleBucket(recordId) < percent;

/** The same test in SQL, on a uuid column. */
export const randomSampleSql = (idColumn: AnyColumn | SQL, percent = INSPECTION_RANDOM_SHARE_PERCENT): SQL =>
  sql`(('x' || left(md5(${idColumn}::text), 7))::bit(28)::int % 100) < ${percent}`;
