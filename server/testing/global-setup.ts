import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openPostgres, wrapPglite } from '@/db/client';
import { grantAppRole } from '@/db/roles';
import { migrateDatabase } from '../migrate';

/** The app role's password in test runs (a local test server; production sets DB_APP_PASSWORD). */
export const TEST_APP_PASSWORD = 'daylight-test-only';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
  }
}

/**
 * Migrates once per run, then every test file starts from a copy: PGlite loads a dump
 * of the migrated data directory; PostgreSQL (TEST_DATABASE_URL) clones a template database.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `daylight_tpl_${process.pid}_${Date.now()}`;
    const admin = postgres(url, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database "${template}"`);
    const handle = openPostgres(withDatabase(url, template), 1);
    await migrateDatabase(handle);
    await handle.close();
    // The tests connect as the app's own role, as production does: no superuser, no
    // table of its own, no TRUNCATE. Its grants are copied with the template.
    const owner = postgres(withDatabase(url, template), { max: 1, onnotice: () => undefined });
    await grantAppRole(owner, { password: TEST_APP_PASSWORD });
    await owner.end();
    project.provide('pgTemplate', template);
    project.provide('pgliteDump', '');
    return async () => {
      // Drop the clones this run made (their names start with the template's), then the template.
      const clones = await admin<
        { datname: string }[]
      >`select datname from pg_database where datname like ${`${template}%`}`;
      for (const { datname } of clones) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'daylight-test-'));
  const client = new PGlite();
  await migrateDatabase(wrapPglite(client));
  const dump = await client.dumpDataDir('none');
  const file = path.join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide('pgliteDump', file);
  project.provide('pgTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

export const withDatabase = (url: string, database: string): string => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};
