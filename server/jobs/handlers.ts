import { runImport } from '../domain/cases/import-run';
import { IMPORT_JOB } from '../domain/cases/imports';
import { getBlobStore } from '../storage/store';
import type { JobHandler } from './queue';

/** What each kind of queued job does. */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [IMPORT_JOB]: async (db, job, now) => {
    const importId = job.payload.importId;
    if (typeof importId !== 'string') throw new Error('case.import job without importId');
    await runImport(db, importId, getBlobStore(), now);
  },
};
