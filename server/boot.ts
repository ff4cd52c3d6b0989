import { getDb } from '@/db/client';
import { assertProductionEnv } from './env';
import { startScheduler } from './jobs/scheduler';

/**
 * A server instance starting (Node.js only). In production a missing or weak auth secret
 * stops the instance instead of letting it serve sessions anyone could forge. Then the
 * periodic jobs and the job queue start, unless DAYLIGHT_SCHEDULER=off: in production the
 * web instances leave them to worker processes (scripts/worker.ts).
 */
export const boot = () => {
  try {
    assertProductionEnv();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
  if (process.env.DAYLIGHT_SCHEDULER !== 'off') startScheduler(getDb);
};
