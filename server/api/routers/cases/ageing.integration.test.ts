// Cases age (DESIGN §2): days overdue and the bucket are counted on the day they are read,
// in Beijing, from the date the first missed payment fell due; lists, filters, package
// figures, the ageing dashboard and the collector's queue all count on the same day. An
// approved plan makes the case current until its first line falls due.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases, packages } from '@/db/schema';
import { overdueSinceFor } from '@/lib/cases';
import { DAY_MS, shanghaiDate, shanghaiInstant } from '@/lib/dates';
import { listCreditorCases } from '../../../domain/cases/case-lists';
import { bucketAgeing } from '../../../domain/money/dashboard-quality';
import { getWorkCase } from '../../../domain/work/case-page';
import { listQueue } from '../../../domain/work/queue';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { draftPackage, openPackage } from '../../../testing/packages';
import { workingCases } from '../../../testing/work';
import { callerAs, domainCaller } from '../../../testing/world';

const ctx = freshWorldPerTest();
const as = (key: keyof typeof ctx.w.users) => callerAs(ctx.handle.db, ctx.w.users[key]);
const today = () => shanghaiDate(new Date());
const dayAfter = (day: string, n: number) =>
  shanghaiDate(new Date(shanghaiInstant(`${day}T12:00:00`).getTime() + n * DAY_MS));
const setSince = (caseIds: string[], since: string | null) =>
  Promise.all(caseIds.map((id) => ctx.handle.db.update(cases).set({ overdueSince: since }).where(eq(cases.id, id))));

describe('days overdue as of the day read', () => {
  it('moves a case from M1 to M2 at midnight Beijing time, in the list and its filter', async () => {
    const pkg = await draftPackage(ctx.w, 1, 'AGE');
    const [c] = await ctx.handle.db.select().from(cases).where(eq(cases.packageId, pkg.id));
    const day = '2026-11-30';
    await setSince([c?.id ?? ''], dayAfter(day, -30));
    const caller = await domainCaller(ctx.w, 'creditorA.manager');
    const lastSecond = shanghaiInstant(`${day}T23:59:59`);
    const midnight = shanghaiInstant(`${dayAfter(day, 1)}T00:00:00`);
    const before = await listCreditorCases(ctx.handle.db, caller, { limit: 10 }, lastSecond);
    expect(before.items[0]).toMatchObject({ daysOverdue: 30, bucket: 1 });
    const after = await listCreditorCases(ctx.handle.db, caller, { limit: 10 }, midnight);
    expect(after.items[0]).toMatchObject({ daysOverdue: 31, bucket: 2 });
    // The filter counts on the same day as the figures it shows.
    expect((await listCreditorCases(ctx.handle.db, caller, { bucket: 2, limit: 10 }, lastSecond)).items).toEqual([]);
    expect((await listCreditorCases(ctx.handle.db, caller, { bucket: 1, limit: 10 }, lastSecond)).items).toHaveLength(
      1,
    );
    expect((await listCreditorCases(ctx.handle.db, caller, { bucket: 2, limit: 10 }, midnight)).items).toHaveLength(1);
    expect((await listCreditorCases(ctx.handle.db, caller, { bucket: 1, limit: 10 }, midnight)).items).toEqual([]);
  });

  it('reads every bucket boundary through the procedure, M0 and M12+ included', async () => {
    const pkg = await draftPackage(ctx.w, 6, 'EDGE');
    const rows = await ctx.handle.db.select({ id: cases.id }).from(cases).where(eq(cases.packageId, pkg.id));
    const days = [null, 1, 30, 31, 330, 331] as const;
    await Promise.all(
      rows.map((r, i) =>
        ctx.handle.db
          .update(cases)
          .set({ overdueSince: days[i] === null ? null : overdueSinceFor(days[i] ?? 0, today()) })
          .where(eq(cases.id, r.id)),
      ),
    );
    const manager = await as('creditorA.manager');
    const listed = (await manager.cases.list({ limit: 50 })).items;
    expect(listed.map((c) => [c.daysOverdue, c.bucket]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual([
      [0, 0],
      [1, 1],
      [30, 1],
      [31, 2],
      [330, 11],
      [331, 12],
    ]);
    const count = async (bucket: number) => (await manager.cases.list({ bucket, limit: 50 })).items.length;
    expect([await count(0), await count(1), await count(2), await count(11), await count(12), await count(3)]).toEqual([
      1, 2, 1, 1, 1, 0,
    ]);
    // Another creditor sees none of them, in any bucket.
    const other = await as('creditorB.manager');
    expect((await other.cases.list({ bucket: 1, limit: 50 })).items).toEqual([]);
  });

  it('counts a package’s figures again on the first read of a later day, and filters the market by today’s buckets', async () => {
    const pkg = await openPackage(ctx.w, {}, 4, 'FIG');
    const ids = (await ctx.handle.db.select({ id: cases.id }).from(cases).where(eq(cases.packageId, pkg.id))).map(
      (r) => r.id,
    );
    // A package counted yesterday, whose cases have aged into M3 since.
    await setSince(ids, overdueSinceFor(75, today()));
    const [stored] = await ctx.handle.db.select().from(packages).where(eq(packages.id, pkg.id));
    await ctx.handle.db
      .update(packages)
      .set({ figures: { ...stored!.figures, asOf: dayAfter(today(), -1) } })
      .where(eq(packages.id, pkg.id));
    const manager = await as('creditorA.manager');
    const read = await manager.packages.get({ packageId: pkg.id });
    expect(read.figures.asOf).toBe(today());
    expect(read.figures.byBucket).toEqual({ '3': { count: 4, amount: read.figures.totalOverdue } });
    expect(read.figures.avgDaysOverdue).toBe(75);
    // Kept: the next read does not count again.
    const [kept] = await ctx.handle.db.select().from(packages).where(eq(packages.id, pkg.id));
    expect(kept?.figures).toEqual(read.figures);
    // The market filters by what the cases are today, and shows the same figures.
    const agency = await as('agencyA.admin');
    const inM3 = await agency.market.list({ sort: 'closing', bucket: 3, limit: 20 });
    expect(inM3.items.map((p) => p.id)).toEqual([pkg.id]);
    expect(inM3.items[0]?.figures).toEqual(read.figures);
    expect((await agency.market.list({ sort: 'closing', bucket: 1, limit: 20 })).items).toEqual([]);
    const seen = await agency.market.get({ packageId: pkg.id });
    expect(seen.sample.every((c) => c.daysOverdue === 75 && c.bucket === 3)).toBe(true);
  });

  it('puts open debts in today’s bucket on the ageing dashboard', async () => {
    const pkg = await draftPackage(ctx.w, 3, 'DSH');
    const ids = (await ctx.handle.db.select({ id: cases.id }).from(cases).where(eq(cases.packageId, pkg.id))).map(
      (r) => r.id,
    );
    await setSince(ids, overdueSinceFor(200, today()));
    const caller = await domainCaller(ctx.w, 'creditorA.manager');
    expect((await bucketAgeing(ctx.handle.db, caller)).map((g) => [g.bucket, g.cases])).toEqual([[7, 3]]);
    // A year on, the same debts are M12+.
    const later = new Date(Date.now() + 200 * DAY_MS);
    expect((await bucketAgeing(ctx.handle.db, caller, later)).map((g) => [g.bucket, g.cases])).toEqual([[12, 3]]);
  });
});

describe('a plan and a payment move where days overdue count from', () => {
  it('makes a case current while an approved plan has no line past its date, and overdue again from that line’s date', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    await setSince([caseId], overdueSinceFor(70, today()));
    const collector = await as('agencyA.collector');
    const first = dayAfter(today(), 10);
    const plan = await collector.work.proposeRestructure({
      caseId,
      kind: 'instalments',
      terms: { instalments: 3, firstDueDate: first },
      reason: '收入下降，申请分 3 期',
    });
    expect(plan.status).toBe('approved');
    const [row] = await ctx.handle.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row?.overdueSince).toBe(first);
    expect(row?.overdueFrom).not.toBe(first);
    const agency = await domainCaller(ctx.w, 'agencyA.collector');
    expect(await getWorkCase(ctx.handle.db, agency, caseId)).toMatchObject({ daysOverdue: 0, bucket: 0 });
    // The queue counts the same way.
    const queued = (await listQueue(ctx.handle.db, agency, { limit: 50 })).items.find((c) => c.id === caseId);
    expect(queued).toMatchObject({ daysOverdue: 0, bucket: 0 });
    // Two days after the first instalment's date, unpaid: 2 days overdue, M1.
    const later = shanghaiInstant(`${dayAfter(first, 2)}T10:00:00`);
    expect(await getWorkCase(ctx.handle.db, agency, caseId, later)).toMatchObject({ daysOverdue: 2, bucket: 1 });
  });
});
