import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { openPostgres, wrapPglite, type Db, type DbHandle } from '@/db/client';
import { APP_ROLE, asRole } from '@/db/roles';
import { executeRows } from '../domain/shared/execute';
import { TEST_APP_PASSWORD, withDatabase } from './global-setup';

/** PostgreSQL runs only: the URL of a fresh database cloned from the migrated template, connecting as the app's own role. */
export const createTestPostgresUrl = async (): Promise<string> =>
  asRole(await createOwnedTestDatabase(), APP_ROLE, TEST_APP_PASSWORD);

/** PostgreSQL runs only: a fresh database cloned from the migrated template, as its owner (what the app role may not do). */
export const createOwnedTestDatabase = async (): Promise<string> => {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (!url || !template) throw new Error('createTestPostgresUrl needs TEST_DATABASE_URL');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}" template "${template}"`);
  await admin.end();
  return withDatabase(url, name);
};

/** A fresh, migrated database for one test file: PGlite by default, PostgreSQL with TEST_DATABASE_URL. */
export const createTestDb = async (): Promise<DbHandle> => {
  if (process.env.TEST_DATABASE_URL && inject('pgTemplate')) return openPostgres(await createTestPostgresUrl(), 8);
  const dump = readFileSync(inject('pgliteDump'));
  const client = new PGlite({ loadDataDir: new Blob([dump]) });
  await client.waitReady;
  return wrapPglite(client);
};

export const isPostgresRun = (): boolean => Boolean(process.env.TEST_DATABASE_URL);

/**
 * Runs `work` as the owner of `db`'s database: on PostgreSQL the app's role may not change
 * the schema (a test that plants a failing trigger needs the owner); PGlite has one role.
 */
export const asOwner = async <T>(db: Db, work: (owner: Db) => Promise<T>): Promise<T> => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !inject('pgTemplate')) return work(db);
  const [row] = await executeRows<{ name: string }>(db, sql`select current_database() as name`);
  const owner = openPostgres(withDatabase(url, String(row?.name)), 1);
  try {
    return await work(owner.db);
  } finally {
    await owner.close();
  }
};
