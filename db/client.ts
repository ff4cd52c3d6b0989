import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/**
 * An open transaction: what `db.transaction` (or, nested, `tx.transaction`) hands its
 * callback, and nothing else. Writes that must commit with a change (an audit row, a
 * notification, a queued job) and locks that must last until the commit take one, so
 * that passing them a plain Db does not compile. drizzle's PgTransaction has members a
 * database lacks (rollback, and protected ones that TypeScript compares by declaration),
 * so no Db and no look-alike object passes for one (server/audit/write.test-d.ts).
 */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/**
 * A database or a transaction: a transaction is a database too, so a read runs in either,
 * and a change that opens its own transaction nests in the caller's (as a savepoint).
 */
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
  listen?: (
    channel: string,
    onNotify: (payload: string) => void,
    onListen?: () => void,
  ) => Promise<() => Promise<void>>;
};

export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'db/migrations');
export const DEFAULT_PGLITE_DIR = path.resolve(process.cwd(), '.data/pglite');

const drizzleOptions = { schema, casing: 'snake_case' } as const;

const envMs = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0)
    throw new Error(`${name} must be a whole number of milliseconds (0 turns the limit off)`);
  return ms;
};

/**
 * Limits every PostgreSQL connection of the app starts with, so that a stuck statement,
 * a lock wait or a transaction left open fails within seconds with a clear error instead
 * of holding rows for everyone. The defaults suit a web request; a long job raises its
 * own statement limit for one transaction (`raiseStatementTimeout`).
 */
export const connectionLimits = () => ({
  statement_timeout: envMs('DB_STATEMENT_TIMEOUT_MS', 15_000),
  lock_timeout: envMs('DB_LOCK_TIMEOUT_MS', 5_000),
  idle_in_transaction_session_timeout: envMs('DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10_000),
});

/** The statement limit of a long job's transaction (landing a large import, a month's statements). */
export const jobStatementTimeoutMs = () => envMs('DB_JOB_STATEMENT_TIMEOUT_MS', 15 * 60_000);

/** Raises the statement limit for the rest of this transaction only (SET LOCAL); the lock and idle limits stay. */
export const raiseStatementTimeout = async (tx: Tx, ms: number = jobStatementTimeoutMs()) => {
  await tx.execute(sql`select set_config('statement_timeout', ${String(ms)}, true)`);
};

export const openPostgres = (url: string, max = 10): DbHandle => {
  const limits = connectionLimits();
  const client = postgres(url, {
    max,
    onnotice: () => undefined,
    // A connection that cannot be opened (the server restarting, a startup lost in a
    // dropped connection) fails the request within seconds as "database unavailable"
    // instead of after the driver's default 30 s.
    connect_timeout: envMs('DB_CONNECT_TIMEOUT_MS', 5_000) / 1000,
    // Sent as start-up parameters: every connection of the pool has them from its first statement.
    connection: limits,
  });
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
