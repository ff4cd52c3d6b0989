// Commissioned cases (DESIGN §1, §3, §5): the agency sees its cases masked and assigns
// them to collectors (one by one, in turn, or by province); a collector sees only their
// own; a recall or the term's end cuts the agency off at once; lists page by keyset.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases, commissions, jobs, packages } from '@/db/schema';
import { JOB_HANDLERS } from '../../../jobs/handlers';
import { drainJobs } from '../../../jobs/queue';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { awardedToA, caseIdsOf } from '../../../testing/packages';
import { callerAs } from '../../../testing/world';
import { describeError } from '../../errors';
import type { TRPCError } from '@trpc/server';

const ctx = freshWorldPerTest();
const as = (key: keyof typeof ctx.w.users) => callerAs(ctx.handle.db, ctx.w.users[key]);

describe('the agency’s cases', () => {
  it('lists them with name, ID and phone masked; a collector sees only those assigned to them', async () => {
    const { pkg } = await awardedToA(ctx.w, 6, 'AG');
    const admin = await as('agencyA.admin');
    const list = await admin.cases.agency.list({ limit: 50 });
    expect(list.items).toHaveLength(6);
    for (const c of list.items) {
      expect(c.debtorName).toMatch(/\*/);
      expect(c.idNumber).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
      expect(c.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
    const collector = await as('agencyA.collector');
    expect((await collector.cases.agency.list({ limit: 50 })).items).toEqual([]);
    const ids = await caseIdsOf(ctx.w, pkg.id);
    expect(
      await admin.cases.agency.assign({ caseIds: ids.slice(0, 2), collectorId: ctx.w.users['agencyA.collector'].id }),
    ).toEqual({ assigned: 2 });
    const mine = await collector.cases.agency.list({ limit: 50 });
    expect(mine.items.map((c) => c.id).sort()).toEqual(ids.slice(0, 2).sort());
    expect(
      mine.items.every((c) => c.status === 'working' && c.collectorName === ctx.w.users['agencyA.collector'].name),
    ).toBe(true);
    expect((await admin.cases.agency.list({ isUnassigned: true, limit: 50 })).items).toHaveLength(4);
    // Another agency sees none of them and cannot assign them.
    const other = await as('agencyB.admin');
    expect((await other.cases.agency.list({ limit: 50 })).items).toEqual([]);
    await expect(
      other.cases.agency.assign({ caseIds: ids.slice(0, 1), collectorId: ctx.w.users['agencyB.collector'].id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('distributes unassigned cases in turn between collectors, or by province', async () => {
    const { pkg } = await awardedToA(ctx.w, 16, 'RR');
    const supervisor = await as('agencyA.supervisor');
    const collectorId = ctx.w.users['agencyA.collector'].id;
    const byProvince = await supervisor.cases.agency.assignByRule({
      packageId: pkg.id,
      rule: { kind: 'province', byProvince: [{ province: '44', collectorId }] },
    });
    const inGuangdong = (
      await ctx.handle.db
        .select()
        .from(cases)
        .where(and(eq(cases.packageId, pkg.id), eq(cases.province, '44')))
    ).length;
    expect(byProvince.assigned).toBe(inGuangdong);
    const rest = await supervisor.cases.agency.assignByRule({
      packageId: pkg.id,
      rule: { kind: 'roundRobin', collectorIds: [collectorId] },
    });
    expect(rest.assigned).toBe(16 - inGuangdong);
    const unassigned = await ctx.handle.db
      .select()
      .from(cases)
      .where(and(eq(cases.packageId, pkg.id)));
    expect(unassigned.every((c) => c.collectorId === collectorId)).toBe(true);
    await expect(
      supervisor.cases.agency.assignByRule({
        rule: { kind: 'roundRobin', collectorIds: [ctx.w.users['agencyA.admin'].id] },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('recall and term end', () => {
  it('a recall cuts the agency and its collector off at once; the case can be placed again', async () => {
    const { pkg } = await awardedToA(ctx.w, 4, 'RC');
    const ids = await caseIdsOf(ctx.w, pkg.id);
    await (
      await as('agencyA.admin')
    ).cases.agency.assign({ caseIds: ids, collectorId: ctx.w.users['agencyA.collector'].id });
    const manager = await as('creditorA.manager');
    expect(await manager.cases.recall({ caseIds: ids.slice(0, 1), reason: '债务人投诉，改为自催' })).toEqual({
      recalled: 1,
    });
    const collector = await as('agencyA.collector');
    expect((await collector.cases.agency.list({ limit: 50 })).items.map((c) => c.id)).not.toContain(ids[0]);
    await expect(
      (await as('agencyA.admin')).cases.agency.assign({
        caseIds: ids.slice(0, 1),
        collectorId: ctx.w.users['agencyA.collector'].id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const unplaced = await manager.cases.list({ isUnplaced: true, limit: 50 });
    expect(unplaced.items.find((c) => c.id === ids[0])?.status).toBe('recalled');
    // A whole commission at once.
    const [c] = await ctx.handle.db.select().from(commissions).where(eq(commissions.packageId, pkg.id));
    expect(await manager.cases.recall({ commissionId: c?.id ?? '', reason: '合作终止' })).toEqual({ recalled: 3 });
    expect((await collector.cases.agency.list({ limit: 50 })).items).toEqual([]);
    // Recalled already: the case is there, in a state that has nothing to recall, and the answer says so.
    const again = await manager.cases.recall({ caseIds: ids.slice(0, 1), reason: '重复召回' }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'CONFLICT' });
    const [first] = await ctx.handle.db
      .select({ contractNo: cases.contractNo })
      .from(cases)
      .where(eq(cases.id, ids[0]!));
    expect(describeError('zh-CN', again as TRPCError).message).toBe(
      `案件 ${first?.contractNo} 当前为“已召回”，不在处置机构手中，无需召回`,
    );
    // Another creditor's case is still not found.
    await expect(
      (await as('creditorB.manager')).cases.recall({ caseIds: ids.slice(1, 2), reason: '越权' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('at term end the job returns the cases and completes the package; running it twice changes nothing', async () => {
    const { pkg } = await awardedToA(ctx.w, 3, 'TE');
    const [job] = await ctx.handle.db.select().from(jobs).where(eq(jobs.kind, 'commission.end')).orderBy(jobs.id);
    expect(job?.runAt.getTime()).toBe(new Date(`${pkg.commissionEnd}T00:00:00+08:00`).getTime() + 86_400_000);
    const later = () => new Date(Date.now() + 200 * 86_400_000);
    await drainJobs(ctx.handle.db, JOB_HANDLERS, { now: later });
    const back = await ctx.handle.db
      .select()
      .from(cases)
      .where(
        eq(
          cases.importId,
          (await ctx.handle.db.select().from(packages).where(eq(packages.id, pkg.id)))[0]?.importId ?? '',
        ),
      );
    expect(back.every((c) => c.status === 'returned' && c.agencyId === null && c.packageId === null)).toBe(true);
    expect((await ctx.handle.db.select().from(packages).where(eq(packages.id, pkg.id)))[0]?.status).toBe('completed');
    expect((await (await as('agencyA.admin')).cases.agency.list({ limit: 50 })).items).toEqual([]);
    const { endCommission } = await import('../../../domain/cases/placement');
    const [c] = await ctx.handle.db.select().from(commissions).where(eq(commissions.packageId, pkg.id));
    expect(await endCommission(ctx.handle.db, c?.id ?? '', later())).toBeNull();
  });
});

describe('the creditor’s case list', () => {
  it('filters and pages by keyset without repeating or skipping a case', async () => {
    await awardedToA(ctx.w, 25, 'KS');
    const manager = await as('creditorA.manager');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof manager.cases.list>> = await manager.cases.list({ limit: 7, cursor });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const commissioned = await manager.cases.list({ status: 'commissioned', province: '44', limit: 50 });
    expect(commissioned.items.every((c) => c.province === '44' && c.agencyName === ctx.w.orgs.agencyA.name)).toBe(true);
    expect((await (await as('creditorB.admin')).cases.list({ limit: 50 })).items).toEqual([]);
  });
});
