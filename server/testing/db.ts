import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPostgres, wrapPglite, type DbHandle } from '@/db/client';
import { withDatabase } from './global-setup';

/** A fresh, migrated database for one test file: PGlite by default, PostgreSQL with TEST_DATABASE_URL. */
export const createTestDb = async (): Promise<DbHandle> => {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (url && template) {
    const name = `${template}_${randomBytes(4).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database "${name}" template "${template}"`);
    await admin.end();
    return openPostgres(withDatabase(url, name), 8);
  }
  const dump = readFileSync(inject('pgliteDump'));
  const client = new PGlite({ loadDataDir: new Blob([dump]) });
  await client.waitReady;
  return wrapPglite(client);
};

export const isPostgresRun = (): boolean => Boolean(process.env.TEST_DATABASE_URL);
