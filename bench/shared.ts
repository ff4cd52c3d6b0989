import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openPostgres, wrapPglite, type DbHandle } from '../db/client';

// What every benchmark shares: a throwaway database (in-memory PGlite, or a new database
// on the PostgreSQL server given by a URL, dropped afterwards) and simple statistics.

export type BenchDb = { handle: DbHandle; drop: () => Promise<void> };

export const openBenchDb = async (url: string | undefined): Promise<BenchDb> => {
  if (!url) return { handle: wrapPglite(new PGlite()), drop: async () => undefined };
  // Seeding writes a million rows a statement: the app's 15-second web limit is not for it
  // (what a bench measures is timed by the bench, not cut off).
  process.env.DB_STATEMENT_TIMEOUT_MS ??= '0';
  const name = `daylight_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    handle: openPostgres(u.toString(), 4),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
};

/** The PostgreSQL to measure beside PGlite: BENCH_DATABASE_URL, or the local server; `none` skips it. */
export const benchPostgresUrl = (): string | undefined => {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  return url === 'none' ? undefined : url;
};

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
export const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;

export const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};
