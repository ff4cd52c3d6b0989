import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDb } from './db';
import { buildWorld, type World } from './world';

/**
 * One fresh database for the test file and a new world before each test. The returned
 * object's fields are filled in by the hooks, so read them inside tests only.
 */
export const freshWorldPerTest = () => {
  const ctx = {} as { handle: DbHandle; w: World };
  beforeAll(async () => {
    ctx.handle = await createTestDb();
  });
  afterAll(async () => {
    await ctx.handle.close();
  });
  beforeEach(async () => {
    ctx.w = await buildWorld(ctx.handle.db);
  });
  return ctx;
};
