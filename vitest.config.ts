import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

/** Tests on a database of their own: migrated once per run, copied per file. */
const onDatabase = {
  exclude: ['node_modules/**', 'e2e/**', '.next/**'],
  environment: 'node' as const,
  globalSetup: ['./server/testing/global-setup.ts'],
  // A file store per test file, beside its database (server/testing/storage-dir.ts).
  setupFiles: ['./server/testing/storage-dir.ts'],
  // Tests drain the job queue themselves, at the moment they choose.
  // Outgoing mail stays in the process, for the tests to read (server/mail/mailer.ts).
  env: { DAYLIGHT_SCHEDULER: 'off', MAIL_TRANSPORT: 'memory' },
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Two cores: each integration file opens its own database, so two workers are the useful most.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/*.scale.test.ts', 'node_modules/**', 'e2e/**', '.next/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          ...onDatabase,
          name: 'integration',
          include: ['**/*.integration.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Real size on PostgreSQL (npm run test:scale): one file, its tests in order on one database.
          ...onDatabase,
          name: 'scale',
          include: ['**/*.scale.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
