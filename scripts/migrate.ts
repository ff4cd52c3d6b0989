// Applies db/migrations to the configured database (DATABASE_URL, or embedded PGlite).
import { openConfiguredDb } from '../db/client';

const handle = openConfiguredDb();
const started = Date.now();
await handle.migrate();
await handle.close();
console.log(`migrated ${handle.kind} in ${Date.now() - started} ms`);
