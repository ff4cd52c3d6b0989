import type { DbHandle } from '@/db/client';
import { sealPlainStaffPhones } from './domain/users/phones';

/**
 * Brings a database up to date: drizzle's SQL migrations, then the data steps SQL cannot
 * do because they need the app's keys. Each step is idempotent, so every run (release,
 * `npm run dev`, the test template) calls them all.
 */
export const migrateDatabase = async (handle: DbHandle) => {
  await handle.migrate();
  // Migration 0030: staff phone numbers move from plain text to the sealed column.
  const phonesSealed = await sealPlainStaffPhones(handle.db);
  return { phonesSealed };
};
