import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema and applied by scripts/migrate.ts (both
// PGlite and PostgreSQL use the same folder), so drizzle-kit only needs the dialect here.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
