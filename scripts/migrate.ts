// Applies db/migrations to the configured database (DATABASE_URL, or embedded PGlite).
import { openConfiguredDb } from '../db/client';
import { migrateDatabase } from '../server/migrate';

const handle = openConfiguredDb();
const started = Date.now();
const { phonesSealed } = await migrateDatabase(handle);
await handle.close();
console.log(`migrated ${handle.kind} in ${Date.now() - started} ms${phonesSealed ? `; ${phonesSealed} staff phone numbers sealed` : ''}`);
