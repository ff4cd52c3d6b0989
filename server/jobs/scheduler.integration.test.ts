// The periodic jobs: one failing job does not stop the others, and the admission sweep
// runs through the same entry point the scheduler and `npm run jobs:run` use.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { organizations } from '@/db/schema';
import { admissionExpiresIn } from '../testing/admission';
import { createTestDb } from '../testing/db';
import { buildWorld } from '../testing/world';
import { JOBS, runJobsOnce } from './scheduler';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.close();
});

describe('runJobsOnce', () => {
  it('runs every job and reports a failure without stopping the rest', async () => {
    const w = await buildWorld(handle.db);
    await admissionExpiresIn(w, 'agencyB', -1);
    const failing = { name: 'broken', everyMs: 1000, run: () => Promise.reject(new Error('boom')) };
    const results = await runJobsOnce(handle.db, [failing, ...JOBS]);
    expect(results[0]).toMatchObject({ name: 'broken', ok: false, error: 'boom' });
    expect(results[1]).toMatchObject({ name: 'admission.expire', ok: true, result: { expired: [w.orgs.agencyB.id] } });
    const [org] = await handle.db
      .select({ status: organizations.status })
      .from(organizations)
      .where(eq(organizations.id, w.orgs.agencyB.id));
    expect(org?.status).toBe('expired');
  });
});
