// Each retention window covers the longest time anything reads its data back, so the
// sweep never removes what a limit, the throttle, a filing or a download still needs; and
// every table pointing at a stored file holds it.
import { getTableName } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DbOrTx } from '@/db/client';
import { storedFiles } from '@/db/schema';
import { LOOKBACK_MS } from '../auth/throttle';
import { FILE_LIMIT, FOLLOW_LIMIT, UPLOAD_LIMIT, UPLOAD_TTL_MS } from '../complaints/file';
import { EXPORT_DOWNLOAD_MS } from '../exports/window';
import { FILE_HOLDERS } from '../files/blobs';
import { ATTACH_WINDOW_MS } from '../files/files';
import { attemptsOf, LONGEST_RATE_WINDOW_MS } from '../shared/rate-limit';
import {
  DONE_JOB_MS,
  EXPORT_FILE_MS,
  FAILED_JOB_MS,
  FILE_DELETE_GUARD_MS,
  RATE_EVENT_MS,
  SIGN_IN_ATTEMPT_MS,
  UNATTACHED_UPLOAD_MS,
} from './windows';

const DAY = 86_400_000;

describe('retention windows', () => {
  it('outlast what reads the data back', () => {
    for (const limit of [FILE_LIMIT, UPLOAD_LIMIT, FOLLOW_LIMIT])
      expect(limit.windowMs).toBeLessThanOrEqual(LONGEST_RATE_WINDOW_MS);
    expect(RATE_EVENT_MS).toBeGreaterThan(LONGEST_RATE_WINDOW_MS);
    expect(SIGN_IN_ATTEMPT_MS).toBeGreaterThan(LOOKBACK_MS);
    expect(UNATTACHED_UPLOAD_MS).toBeGreaterThan(Math.max(ATTACH_WINDOW_MS, UPLOAD_TTL_MS));
    expect(EXPORT_FILE_MS).toBe(EXPORT_DOWNLOAD_MS);
    // The database keeps a file at least until nothing may attach it any more, and the sweep asks no earlier.
    expect(FILE_DELETE_GUARD_MS).toBeGreaterThan(ATTACH_WINDOW_MS);
    expect(UNATTACHED_UPLOAD_MS).toBeGreaterThanOrEqual(FILE_DELETE_GUARD_MS);
    expect(EXPORT_FILE_MS).toBeGreaterThan(FILE_DELETE_GUARD_MS);
    // A monthly job's key is asked for through the next month (31 days at most).
    expect(DONE_JOB_MS).toBeGreaterThan(31 * DAY);
    expect(FAILED_JOB_MS).toBeGreaterThan(DONE_JOB_MS);
  });

  it('refuses a rate limit counting further back than attempts are kept', async () => {
    await expect(attemptsOf({} as DbOrTx, 'key', LONGEST_RATE_WINDOW_MS + 1)).rejects.toThrow(
      /longer than the attempts are kept/,
    );
  });
});

describe('the holders of a stored file', () => {
  it('are every foreign key to stored_files in the schema', () => {
    const names = FILE_HOLDERS.map((h) => `${getTableName(h.table)}.${h.column.name}`);
    expect(names.sort()).toEqual([
      'admission_documents.fileId',
      'call_batches.fileId',
      'call_recordings.fileId',
      'case_changes.evidenceFileId',
      'case_imports.fileId',
      'case_imports.reportFileId',
      'list_exports.fileId',
      'repayments.receiptFileId',
      'visit_evidence.fileId',
    ]);
    expect(FILE_HOLDERS.every((h) => h.table !== storedFiles)).toBe(true);
  });
});
