// Runs every scheduled job once against the configured database, e.g. from cron when the
// app instances run with DAYLIGHT_SCHEDULER=off and no worker (scripts/worker.ts) runs.
import { openConfiguredDb } from '../db/client';
import { runJobsOnce } from '../server/jobs/scheduler';

const handle = openConfiguredDb();
const results = await runJobsOnce(handle.db);
await handle.close();
for (const r of results) console.log(`${r.name}: ${r.ok ? JSON.stringify(r.result) : `failed: ${r.error}`}`);
if (results.some((r) => !r.ok)) process.exit(1);
