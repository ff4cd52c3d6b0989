// `npm run dev` runs this before Next opens the database: PGlite allows one opener per
// data directory, so migrations and demo data are applied first, in this process, then closed.
import { openConfiguredDb } from '../db/client';
import { seedDemo } from '../db/seed/demo';
import { migrateDatabase } from '../server/migrate';
import { demoSeedDeps } from './seed-deps';
import { seedMarket } from './seed-market';

const handle = openConfiguredDb();
await migrateDatabase(handle);
const { created } = await seedDemo(handle.db, await demoSeedDeps());
await seedMarket(handle.db);
await handle.close();
console.log(`database ready (${handle.kind}); ${created} demo users added`);
