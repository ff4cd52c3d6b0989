import { randomBytes } from 'node:crypto';
import path from 'node:path';

// Settings of the load and fault run, from the environment, and the secrets the app and
// this process share (the PII keys must be the same on both sides of the database).

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number`);
  return v;
};

export const CONFIG = {
  databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/daylight_load',
  appPort: num('BENCH_LOAD_PORT', 3300),
  rawPort: num('BENCH_RAW_PORT', 3301),
  cases: num('BENCH_LOAD_CASES', 100_000),
  /** Concurrent signed-in users per endpoint (creditor staff for the list, collectors for the work). */
  users: num('BENCH_LOAD_USERS', 20),
  seconds: num('BENCH_LOAD_SECONDS', 12),
  warmupSeconds: num('BENCH_LOAD_WARMUP_SECONDS', 3),
  skipBuild: process.env.BENCH_SKIP_BUILD === '1',
  /** Only the case list and its raw baseline (the other endpoints are skipped). */
  listOnly: process.env.BENCH_LOAD_LIST_ONLY === '1',
  importRows: num('BENCH_FAULT_IMPORT_ROWS', 3000),
  /** How long the fault run waits for the interrupted import to land (its retry comes 30 s later). */
  faultWaitSeconds: num('BENCH_FAULT_WAIT_SECONDS', 150),
  storageDir: path.resolve(process.cwd(), '.data/bench-load-files'),
} as const;

export const APP_URL = `http://localhost:${CONFIG.appPort}`;
export const RAW_URL = `http://localhost:${CONFIG.rawPort}`;

const key = () => randomBytes(32).toString('base64');

/** Fresh production secrets for this run, set in this process too (the seed seals with the same keys). */
export const RUN_SECRETS = {
  NEXTAUTH_SECRET: randomBytes(48).toString('base64'),
  PII_ENCRYPTION_KEY: process.env.PII_ENCRYPTION_KEY ?? key(),
  PII_HMAC_KEY: process.env.PII_HMAC_KEY ?? key(),
};

/** The environment of this process and its children: the same database, files and keys. */
export const applyRunEnv = () => {
  process.env.PII_ENCRYPTION_KEY = RUN_SECRETS.PII_ENCRYPTION_KEY;
  process.env.PII_HMAC_KEY = RUN_SECRETS.PII_HMAC_KEY;
  process.env.STORAGE_DIR = CONFIG.storageDir;
};

/** The environment the app server (`npm start`) runs with: production, PostgreSQL, the scheduler on (imports run from the queue). */
export const appEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  ...RUN_SECRETS,
  NODE_ENV: 'production',
  DATABASE_URL: CONFIG.databaseUrl,
  STORAGE_DIR: CONFIG.storageDir,
  NEXTAUTH_URL: APP_URL,
  NEXT_TELEMETRY_DISABLED: '1',
  DAYLIGHT_SCHEDULER: 'on',
});
