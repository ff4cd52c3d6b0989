// The demo data loads on every `npm run dev`: a second run adds nothing, and the demo
// applications waiting for review carry their licence documents.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import {
  admissionApplications,
  admissionDocuments,
  bids,
  caseFlags,
  cases,
  commissionLines,
  complaints,
  fieldVisits,
  agencyRatings,
  organizations,
  packages,
  repayments,
  scorecards,
  storedFiles,
  users,
  visitEvidence,
} from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { createTestDb } from '@/server/testing/db';
import { testPasswordHash } from '@/server/testing/world';
import { demoSeedDeps } from './seed-deps';
import { addMonths, monthOf } from '@/lib/months';
import { decryptPii } from '@/server/pii/crypto';
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
    // Two waiting for review, two admitted (the agency whose renewal is due, and the one that visits with field evidence).
    expect(after.applications).toBe(4);
    expect(after.documents).toBe(4);
    expect(after.files).toBe(4);
    await expect(seedDemo(handle.db, deps)).resolves.toEqual({ created: 0 });
    expect(await counts()).toEqual(after);
  });

  it('keeps the demo users’ mobile numbers sealed, as the app does (DESIGN §5): no plain number in the database', async () => {
    const rows = await handle.db
      .select({ email: users.email, plain: users.plainPhone, sealed: users.phoneSealed })
      .from(users);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r.plain).toBeNull();
      expect(r.sealed?.masked).toMatch(/^1[3-9]\d\*{4}\d{4}$/);
      expect(decryptPii(r.sealed?.enc ?? '')).toMatch(/^1[3-9]\d{9}$/);
    }
    expect(rows.find((r) => r.email === 'admin@platform.demo.cn')?.sealed?.masked).toBe('138****0001');
  });

  it('puts demo packages out through the domain: one open, one closed with two bids, one awarded with assigned cases', async () => {
    await expect(seedMarket(handle.db)).resolves.toEqual({ seeded: true });
    const pkgs = await handle.db.select({ name: packages.name, status: packages.status }).from(packages);
    expect(pkgs.map((p) => p.status).sort()).toEqual(['awarded', 'closed', 'open']);
    expect((await handle.db.select().from(bids)).length).toBe(3);
    const all = await handle.db.select().from(cases);
    expect(all).toHaveLength(160);
    expect(all.some((c) => c.collectorId)).toBe(true);
    // One visit recorded two days ago without video (flagged), one planned for tomorrow.
    const visits = await handle.db
      .select({ status: fieldVisits.status, contractNo: cases.contractNo, collectorId: cases.collectorId })
      .from(fieldVisits)
      .innerJoin(cases, eq(cases.id, fieldVisits.caseId));
    expect(visits.map((v) => v.status).sort()).toEqual(['planned', 'visited']);
    // Always the same case, assigned to 郑磊: the browser tests open it by its number.
    expect(new Set(visits.map((v) => v.contractNo))).toEqual(new Set(['HX202600000003']));
    expect(visits.every((v) => v.collectorId)).toBe(true);
    expect((await handle.db.select().from(visitEvidence)).map((e) => e.kind).sort()).toEqual(['audio', 'photo']);
    expect(await handle.db.select({ rule: caseFlags.rule, values: caseFlags.values }).from(caseFlags)).toEqual([
      { rule: 'visitEvidenceMissing', values: { missing: 'video' } },
    ]);
    // A repayment confirmed on last month's last day (it earned commission) and one waiting.
    expect(
      (await handle.db.select({ status: repayments.status }).from(repayments)).map((r) => r.status).sort(),
    ).toEqual(['confirmed', 'reported']);
    expect(await handle.db.select({ amount: commissionLines.amount }).from(commissionLines)).toEqual([
      { amount: 34_500 },
    ]);
    // A family member's complaint about night calls, two days old and not yet acknowledged.
    const filed = await handle.db
      .select({
        status: complaints.status,
        category: complaints.category,
        source: complaints.source,
        ackDueAt: complaints.ackDueAt,
      })
      .from(complaints);
    expect(filed).toEqual([
      { status: 'received', category: 'harassment', source: 'public', ackDueAt: expect.any(Date) },
    ]);
    expect(filed[0]?.ackDueAt.getTime()).toBeLessThan(Date.now());
    // 华信 rated 正信 for last month; the last three months' scorecards exist for every admitted agency, last month's holding the rating.
    const [rating] = await handle.db.select().from(agencyRatings);
    expect(rating).toMatchObject({ rating: 4, month: addMonths(monthOf(new Date()), -1) });
    const cards = await handle.db.select().from(scorecards);
    expect(new Set(cards.map((c) => c.month)).size).toBe(3);
    const zhengxin = cards.find((c) => c.agencyId === rating?.agencyId && c.month === rating.month);
    expect(zhengxin?.inputs).toMatchObject({
      ratings: [4],
      history: [{ month: addMonths(rating!.month, -1) }, { month: addMonths(rating!.month, -2) }],
    });
    // 正信's dialer sent last month's calls: three shadows, two phantom actions, a call after 22:00, inspections.
    expect(zhengxin).toMatchObject({ formulaVersion: 3 });
    expect(zhengxin?.inputs).toMatchObject({
      calls: { violations: 1, shadowContacts: 3, phantomActions: 2 },
      inspections: { byPlatform: 2, byAgency: 3, fatalFindings: 0 },
    });
    await expect(seedMarket(handle.db)).resolves.toEqual({ seeded: false });
    expect((await handle.db.select().from(packages)).length).toBe(3);
  });
});
