// The demo data loads on every `npm run dev`: a second run adds nothing, and the demo
// applications waiting for review carry their licence documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { admissionApplications, admissionDocuments, bids, cases, organizations, packages, storedFiles, users } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { createTestDb } from '@/server/testing/db';
import { testPasswordHash } from '@/server/testing/world';
import { demoSeedDeps } from './seed-deps';
import { seedMarket } from './seed-market';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.close();
});

const counts = async () => ({
  orgs: (await handle.db.select().from(organizations)).length,
  users: (await handle.db.select().from(users)).length,
  applications: (await handle.db.select().from(admissionApplications)).length,
  documents: (await handle.db.select().from(admissionDocuments)).length,
  files: (await handle.db.select().from(storedFiles)).length,
});

describe('seedDemo', () => {
  it('is idempotent and attaches a licence to each demo application', async () => {
    const deps = { ...(await demoSeedDeps()), passwordHash: await testPasswordHash() };
    const first = await seedDemo(handle.db, deps);
    expect(first.created).toBeGreaterThan(10);
    const after = await counts();
    // Two waiting for review, one admitted (the agency whose renewal is due).
    expect(after.applications).toBe(3);
    expect(after.documents).toBe(3);
    expect(after.files).toBe(3);
    await expect(seedDemo(handle.db, deps)).resolves.toEqual({ created: 0 });
    expect(await counts()).toEqual(after);
  });

  it('puts demo packages out through the domain: one open, one closed with two bids, one awarded with assigned cases', async () => {
    await expect(seedMarket(handle.db)).resolves.toEqual({ seeded: true });
    const pkgs = await handle.db.select({ name: packages.name, status: packages.status }).from(packages);
    expect(pkgs.map((p) => p.status).sort()).toEqual(['awarded', 'closed', 'open']);
    expect((await handle.db.select().from(bids)).length).toBe(3);
    const all = await handle.db.select().from(cases);
    expect(all).toHaveLength(160);
    expect(all.some((c) => c.collectorId)).toBe(true);
    await expect(seedMarket(handle.db)).resolves.toEqual({ seeded: false });
    expect((await handle.db.select().from(packages)).length).toBe(3);
  });
});
