// The job worker: runs the job queue and the periodic sweeps until SIGTERM or SIGINT. In
// production the web instances run with DAYLIGHT_SCHEDULER=off and one or more of these
// run beside them, over the same PostgreSQL.
import { openPostgres } from '../db/client';
import { describeWorkerEvent, startWorker } from '../server/jobs/worker';
import { logSmsSetup } from '../server/sms/config';

const url = process.env.DATABASE_URL;
if (!url) {
  // The embedded database has one opener: the app process, which runs the jobs itself.
  console.error(
    'The worker needs DATABASE_URL (PostgreSQL). With the embedded database, `npm run dev` or `npm start` runs the jobs.',
  );
  process.exit(1);
}

const seconds = (name: string): number | undefined => {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`${name} must be a positive number of seconds`);
    process.exit(1);
  }
  return n * 1000;
};

const log = (line: string) => console.log(`${new Date().toISOString()} worker[${process.pid}] ${line}`);

// The worker is what sends SMS: a missing provider is said here, where its failures happen.
logSmsSetup();
const handle = openPostgres(url);
const worker = startWorker(handle, {
  pollMs: seconds('DAYLIGHT_WORKER_POLL_SECONDS'),
  graceMs: seconds('DAYLIGHT_WORKER_GRACE_SECONDS'),
  onEvent: (e) => log(describeWorkerEvent(e)),
});

let isStopping = false;
const shutdown = (signal: NodeJS.Signals) => {
  if (isStopping) {
    log(`${signal} again: exiting now (a running job is taken over when its lease runs out)`);
    process.exit(1);
  }
  isStopping = true;
  log(`${signal} received`);
  worker
    .stop()
    .then(() => handle.close())
    .then(
      () => {
        // Whatever a handler that was given back still holds open does not keep the process.
        setTimeout(() => process.exit(0), 1_000).unref();
      },
      (e: unknown) => {
        log(`stopping failed: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      },
    );
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

log('starting');
await worker.ready;
log('ready');
