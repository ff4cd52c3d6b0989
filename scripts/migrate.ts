// Applies db/migrations as the database's owner: DATABASE_OWNER_URL where the app itself
// connects as a role of its own (npm run db:roles), else DATABASE_URL, else embedded PGlite;
// then the data steps that need the app's keys (server/migrate.ts).
import { openPglite, openPostgres } from '../db/client';
import { migrateDatabase } from '../server/migrate';

const url = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
const handle = url ? openPostgres(url, 1) : openPglite();
const started = Date.now();
const { phonesSealed } = await migrateDatabase(handle);
await handle.close();
console.log(
  `migrated ${handle.kind} in ${Date.now() - started} ms${phonesSealed ? `; ${phonesSealed} staff phone numbers sealed` : ''}`,
);
