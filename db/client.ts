import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
// A transaction is a database too: domain functions take either and nest freely.
export type DbOrTx = Db;

export type DbHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  /**
   * PostgreSQL only: LISTEN on a connection of its own, which reconnects and listens again
   * by itself after a drop; `onListen` runs each time it (re)starts listening. Resolves to
   * the unlisten function.
   */
  listen?: (channel: string, onNotify: (payload: string) => void, onListen?: () => void) => Promise<() => Promise<void>>;
};

export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'db/migrations');
export const DEFAULT_PGLITE_DIR = path.resolve(process.cwd(), '.data/pglite');

const drizzleOptions = { schema, casing: 'snake_case' } as const;

export const openPostgres = (url: string, max = 10): DbHandle => {
  const client = postgres(url, { max, onnotice: () => undefined });
  const db = drizzlePostgres(client, drizzleOptions);
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    migrate: () => migratePostgres(db, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.end({ timeout: 5 }),
    listen: async (channel, onNotify, onListen) => {
      const { unlisten } = await client.listen(channel, onNotify, onListen);
      return async () => {
        await unlisten();
      };
    },
  };
};

export const wrapPglite = (client: PGlite): DbHandle => {
  const db = drizzlePglite(client, drizzleOptions);
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.close(),
  };
};

export const openPglite = (dataDir: string = process.env.PGLITE_DIR ?? DEFAULT_PGLITE_DIR): DbHandle => {
  // PGlite does not create parent directories.
  mkdirSync(path.dirname(dataDir), { recursive: true });
  return wrapPglite(new PGlite(dataDir));
};

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise. */
export const openConfiguredDb = (): DbHandle => {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite();
};

// One opener per process: two PGlite instances on one data directory silently diverge,
// so route handlers, server components and hot reloads all share this one.
const globalForDb = globalThis as unknown as { __daylightDb?: DbHandle };

export const getDbHandle = (): DbHandle => {
  globalForDb.__daylightDb ??= openConfiguredDb();
  return globalForDb.__daylightDb;
};

export const getDb = (): Db => getDbHandle().db;
