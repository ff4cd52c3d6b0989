import js from '@eslint/js';
import drizzle from 'eslint-plugin-drizzle';
import tseslint from 'typescript-eslint';

// Layer rules from STYLE.md: data flows page → procedure → domain → database, never back.
// lib/ sits beside them all: value lists, formats and date rules every layer may use.
const restrict = (patterns) => ['error', { patterns }];
// Domain code and the worker know the job queue only as a JobQueue (server/jobs/job-queue.ts);
// server/jobs/queue.ts picks the implementation, so another one replaces it there alone.
const QUEUE_IMPLEMENTATION = {
  group: ['**/postgres-queue', './postgres-queue'],
  message: 'Use jobQueue from server/jobs/queue.ts: the JobQueue, not its PostgreSQL implementation.',
};

// Server code answers requests; pages and client components are what it serves, never what it uses.
const serverAbovePatterns = [
  {
    regex: '^(@/|(\\.\\./)+)(app|components)(/|$)',
    message: 'server/ imports nothing from app/ or components/: shared code lives in lib/.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'db/migrations/**',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['server/jobs/queue.ts', '**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict([QUEUE_IMPLEMENTATION]) },
  },
  {
    // Module augmentation (next-auth session, vitest provide/inject) needs interfaces.
    files: ['**/*.d.ts', 'server/testing/global-setup.ts'],
    rules: { '@typescript-eslint/consistent-type-definitions': 'off' },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'server/testing/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Imported by the browser too, so it reaches nothing but npm packages and itself.
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: '^@/(?!lib(/|$))', message: 'lib/ imports only npm packages and lib/.' },
        { regex: '^\\.\\./', message: 'lib/ imports only npm packages and lib/.' },
      ]),
    },
  },
  {
    files: ['db/**'],
    rules: {
      'no-restricted-imports': restrict([
        {
          regex: '^(@/|(\\.\\./)+)(server|app|components)(/|$)',
          message: 'db/ imports nothing above db/ (lib/ is shared).',
        },
      ]),
    },
  },
  {
    files: ['server/**'],
    ignores: ['**/*.test.ts', 'server/jobs/queue.ts'],
    rules: { 'no-restricted-imports': restrict([...serverAbovePatterns, QUEUE_IMPLEMENTATION]) },
  },
  {
    // The one module that chooses the queue's implementation.
    files: ['server/jobs/queue.ts'],
    rules: { 'no-restricted-imports': restrict(serverAbovePatterns) },
  },
  {
    files: ['server/domain/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        ...serverAbovePatterns,
        {
          group: ['@trpc/*', 'next', 'next/*', 'next-auth', 'next-auth/*', 'react', 'react-dom'],
          message: 'Domain functions are plain TypeScript: no tRPC, Next or React.',
        },
        { group: ['@/server/api/*', '../../api/*', '../api/*'], message: 'The domain does not know about procedures.' },
        QUEUE_IMPLEMENTATION,
      ]),
    },
  },
  {
    files: ['server/api/routers/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        ...serverAbovePatterns,
        {
          group: ['@/db/schema', '@/db/schema/*', '**/db/schema', '**/db/schema/*'],
          message: 'Procedures call domain functions; tables stay behind server/domain.',
        },
        QUEUE_IMPLEMENTATION,
      ]),
    },
  },
  {
    files: ['components/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      // Type-only imports vanish from the bundle, so the AppRouter type is fine.
      '@typescript-eslint/no-restricted-imports': restrict([
        {
          // A regex: a glob group cannot re-include a file below an excluded folder.
          regex: '^@/server/(?!.*\\.schema$)',
          allowTypeImports: true,
          message: 'Client components import only *.schema.ts from server/.',
        },
        {
          regex: '^@/db(/|$)',
          allowTypeImports: true,
          message: 'Client components take value lists and shared rules from lib/, never from db/.',
        },
      ]),
    },
  },
);
