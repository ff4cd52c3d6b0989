import { SIGN_UP_MAIL_JOB, sendSignUpMail } from '../domain/admission/sign-up';
import { runImport } from '../domain/cases/case-import';
import { abandonImport } from '../domain/cases/import-run';
import { IMPORT_JOB, REPAYMENT_IMPORT_JOB, UPDATE_IMPORT_JOB } from '../domain/cases/imports';
import { runUpdateImport } from '../domain/cases/update-import';
import { runRepaymentImport } from '../domain/money/repayment-import';
import { abandonExport, EXPORT_JOB, runExport } from '../domain/exports/exports';
import { endCommission } from '../domain/cases/placement';
import { CLOSE_JOB_KIND, closeIfDue } from '../domain/packages/bids';
import { COMMISSION_END_JOB } from '../domain/packages/commission';
import { expireOfferIfDue, OFFER_EXPIRE_JOB } from '../domain/packages/offers';
import { runScorecardJob, SCORECARD_JOB } from '../domain/scorecards/compute';
import { expireRestructureIfDue, RESTRUCTURE_EXPIRE_JOB } from '../domain/work/restructure';
import { breakPlanIfDue, PLAN_CHECK_JOB } from '../domain/work/plans';
import { getBlobStore } from '../storage/store';
import { databaseFault } from '../errors';
import { WEBHOOK_HANDLERS } from '../domain/webhooks/deliver';
import { checkCallBatch } from '../domain/calls/check';
import { CALL_CHECK_JOB } from '../domain/calls/ingest';
import { runSmsSendJob, SMS_SEND_JOB } from '../sms/send';
import type { JobHandler } from './job-queue';

const idFrom = (payload: Record<string, unknown>, key: string): string => {
  const v = payload[key];
  if (typeof v !== 'string') throw new Error(`job payload without ${key}`);
  return v;
};

/** What each kind of queued job does. Every handler is idempotent: a job may run twice. */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [IMPORT_JOB]: async (db, job, now) => {
    const importId = idFrom(job.payload, 'importId');
    try {
      await runImport(db, importId, getBlobStore(), { now });
    } catch (e) {
      if (job.attempts >= job.maxAttempts) await abandonImport(db, importId, getBlobStore(), databaseFault(e));
      throw e;
    }
  },
  [REPAYMENT_IMPORT_JOB]: async (db, job, now) => {
    const importId = idFrom(job.payload, 'importId');
    try {
      await runRepaymentImport(db, importId, getBlobStore(), { now });
    } catch (e) {
      if (job.attempts >= job.maxAttempts) await abandonImport(db, importId, getBlobStore(), databaseFault(e));
      throw e;
    }
  },
  [UPDATE_IMPORT_JOB]: async (db, job, now) => {
    const importId = idFrom(job.payload, 'importId');
    try {
      await runUpdateImport(db, importId, getBlobStore(), { now });
    } catch (e) {
      if (job.attempts >= job.maxAttempts) await abandonImport(db, importId, getBlobStore(), databaseFault(e));
      throw e;
    }
  },
  [EXPORT_JOB]: async (db, job) => {
    const exportId = idFrom(job.payload, 'exportId');
    try {
      await runExport(db, exportId, getBlobStore());
    } catch (e) {
      if (job.attempts >= job.maxAttempts) await abandonExport(db, exportId, databaseFault(e));
      throw e;
    }
  },
  [CLOSE_JOB_KIND]: async (db, job, now) => {
    await db.transaction((tx) => closeIfDue(tx, idFrom(job.payload, 'packageId'), now));
  },
  [OFFER_EXPIRE_JOB]: async (db, job, now) => {
    await expireOfferIfDue(db, idFrom(job.payload, 'packageId'), now);
  },
  [RESTRUCTURE_EXPIRE_JOB]: async (db, job, now) => {
    await expireRestructureIfDue(db, idFrom(job.payload, 'requestId'), now);
  },
  [PLAN_CHECK_JOB]: async (db, job, now) => {
    await breakPlanIfDue(db, idFrom(job.payload, 'planId'), now);
  },
  [COMMISSION_END_JOB]: async (db, job, now) => {
    await endCommission(db, idFrom(job.payload, 'commissionId'), now);
  },
  [CALL_CHECK_JOB]: async (db, job) => {
    await checkCallBatch(db, idFrom(job.payload, 'batchId'));
  },
  [SCORECARD_JOB]: async (db, job, now) => {
    await runScorecardJob(db, job.payload, now);
  },
  [SIGN_UP_MAIL_JOB]: async (db, job, now) => {
    await sendSignUpMail(db, job.payload, now);
  },
  [SMS_SEND_JOB]: runSmsSendJob,
  ...WEBHOOK_HANDLERS,
};
