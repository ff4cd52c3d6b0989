import type { Db } from '@/db/client';
import { writeAudit } from '../../audit/write';
import type { BlobStore } from '../../storage/store';
import { removeStaleTemp } from '../../storage/temp';
import { expireExports, sweepComplaintUploads, sweepUnattachedFiles } from './files';
import { sweepApiWorkingRows, sweepJobs, sweepRateEvents, sweepSignInAttempts } from './records';
import { cutoff, TEMP_FILE_MS } from './windows';

export type RetentionCounts = {
  doneJobs: number;
  failedJobs: number;
  rateEvents: number;
  signInAttempts: number;
  /** Per-minute call counts of API keys, and idempotency keys past their day. */
  apiRateWindows: number;
  idempotencyKeys: number;
  complaintUploads: number;
  exports: number;
  /** Stored files nothing pointed at past their attach window: uploads never attached, expired exports' files. */
  files: number;
  /** Stored files (by content hash) whose bytes were removed. */
  blobs: number;
  /** Files a process that died left in this machine's temporary area (uploads never finished, working copies). */
  tempFiles: number;
};

const SYSTEM = { actor: null, ip: null, userAgent: 'scheduler' } as const;

const none = (): RetentionCounts => ({
  doneJobs: 0,
  failedJobs: 0,
  rateEvents: 0,
  signInAttempts: 0,
  apiRateWindows: 0,
  idempotencyKeys: 0,
  complaintUploads: 0,
  exports: 0,
  files: 0,
  blobs: 0,
  tempFiles: 0,
});

/**
 * The periodic retention sweep (windows in ./windows.ts): removes working data past the
 * time anything reads it, and never evidence or records. Idempotent: a second run finds
 * nothing and writes nothing.
 *
 * One audit row per run that removed anything, with the counts per kind, rather than one
 * per batch: a backlog swept in hundreds of batches would otherwise flood the audit log
 * with rows that say nothing a total does not, and what is swept is never evidence. The
 * row is written even when a later step fails, so what was removed is always on record:
 * each batch committed on its own, so the row that totals them is a transaction of its own.
 */
export const sweepRetention = async (db: Db, now: Date, store: BlobStore): Promise<RetentionCounts> => {
  const counts = none();
  const add = (part: Partial<RetentionCounts>) => {
    for (const [kind, n] of Object.entries(part) as [keyof RetentionCounts, number][]) counts[kind] += n;
  };
  try {
    add(await sweepJobs(db, now));
    add(await sweepRateEvents(db, now));
    add(await sweepSignInAttempts(db, now));
    add(await sweepApiWorkingRows(db, now));
    add(await sweepComplaintUploads(db, store, now));
    // After the exports: a file an expired export let go is removed in the same run.
    add(await expireExports(db, now));
    add(await sweepUnattachedFiles(db, store, now));
    add({ tempFiles: await removeStaleTemp(store.tempDir, cutoff(now, TEMP_FILE_MS)) });
  } finally {
    if (Object.values(counts).some((n) => n > 0)) {
      await db.transaction((tx) =>
        writeAudit(tx, SYSTEM, { action: 'retention.swept', resourceType: 'retention', after: counts }),
      );
    }
  }
  return counts;
};
