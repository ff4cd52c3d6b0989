// Loads the demo organizations and accounts; safe to run again.
import { openConfiguredDb } from '../db/client';
import { DEMO_PASSWORD, seedDemo } from '../db/seed/demo';
import { demoSeedDeps } from './seed-deps';
import { seedMarket } from './seed-market';

const handle = openConfiguredDb();
const { created } = await seedDemo(handle.db, await demoSeedDeps());
await seedMarket(handle.db);
await handle.close();
console.log(`demo data: ${created} new users (password for every demo account: ${DEMO_PASSWORD})`);
