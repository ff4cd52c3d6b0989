import { getDb } from '@/db/client';
import { assertProductionEnv } from './env';
import { logSmsSetup } from './sms/config';
import { TEMP_FILE_MS } from './domain/retention/windows';
import { startScheduler } from './jobs/scheduler';
import { getBlobStore } from './storage/store';
import { removeStaleTemp } from './storage/temp';

/**
 * A server instance starting (Node.js only). In production a missing or weak auth secret
 * stops the instance instead of letting it serve sessions anyone could forge; an SMS setup
 * that cannot send is said at once (server/sms/config.ts). Then the
 * periodic jobs and the job queue start, unless DAYLIGHT_SCHEDULER=off: in production the
 * web instances leave them to worker processes (scripts/worker.ts). Uploads a previous run
 * of this machine left half-way in its temporary area go at once (the retention sweep
 * clears them too, but a web instance with the scheduler off never runs it).
 */
export const boot = () => {
  try {
    assertProductionEnv();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
  logSmsSetup();
  Promise.resolve()
    .then(() => removeStaleTemp(getBlobStore().tempDir, new Date(Date.now() - TEMP_FILE_MS)))
    .catch((e: unknown) =>
      console.error('clearing the temporary upload area failed:', e instanceof Error ? e.message : e),
    );
  if (process.env.DAYLIGHT_SCHEDULER !== 'off') startScheduler(getDb);
};
