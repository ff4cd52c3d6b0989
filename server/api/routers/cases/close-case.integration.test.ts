// Closing a case as unrecoverable (核销, DESIGN §3: case → closed_unrecoverable): a
// creditor admin or manager closes one of its own open cases with a reason; the agency
// working it loses it at once, as on recall, and is told; the Beijing day is kept for the
// monthly disclosure; one audit row in the same transaction. Another creditor's case
// answers NOT_FOUND, a settled or closed one CONFLICT, a reason too short BAD_REQUEST.
import type { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, cases, notifications } from '@/db/schema';
import { shanghaiDate } from '@/lib/dates';
import { importBytes, sampleCsv } from '../../../testing/cases';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { openPackage, caseIdsOf } from '../../../testing/packages';
import { workingCases } from '../../../testing/work';
import { callerAs, type UserKey } from '../../../testing/world';
import { describeError } from '../../errors';

const ctx = freshWorldPerTest();
const as = (who: UserKey) => callerAs(ctx.handle.db, ctx.w.users[who]);
const REASON = '债务人已身故，无遗产可供清偿';

describe('closing a case as unrecoverable', () => {
  it('closes an open case with its reason and day; the agency loses it at once and is told; one audit row', async () => {
    const { caseId, caseIds, row } = await workingCases(ctx.w, 3);
    const manager = await as('creditorA.manager');
    const closed = await manager.cases.close({ caseId, reason: `  ${REASON}  ` });
    expect(closed).toEqual({
      id: caseId,
      status: 'closed_unrecoverable',
      closedOn: shanghaiDate(new Date()),
      closedReason: REASON,
    });

    // The agency's people see it no more, as after a recall; its other cases stay.
    const collector = await as('agencyA.collector');
    await expect(collector.work.case({ caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await collector.cases.agency.list({ limit: 50 })).items.map((c) => c.id).sort()).toEqual(
      caseIds.filter((id) => id !== caseId).sort(),
    );
    const [after] = await ctx.handle.db.select().from(cases).where(eq(cases.id, caseId));
    expect(after).toMatchObject({
      status: 'closed_unrecoverable',
      agencyId: null,
      commissionId: null,
      collectorId: null,
      packageId: null,
      closedReason: REASON,
    });

    // The agency's admins are told which case and why.
    const [note] = await ctx.handle.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, ctx.w.users['agencyA.admin'].id),
          eq(notifications.kind, 'case.closedUnrecoverable'),
        ),
      );
    expect(note).toMatchObject({ params: { contractNo: row?.contractNo, reason: REASON }, link: '/agency/cases' });

    const audits = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, caseId), eq(auditLog.action, 'case.closeUnrecoverable')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorUserId: ctx.w.users['creditorA.manager'].id,
      orgId: ctx.w.orgs.creditorA.id,
      after: { status: 'closed_unrecoverable', reason: REASON },
    });

    // The creditor's record shows the day and the reason; it is no longer unplaced, and cannot be closed twice.
    expect(await (await as('creditorA.viewer')).record.case({ caseId })).toMatchObject({
      status: 'closed_unrecoverable',
      closedOn: closed.closedOn,
      closedReason: REASON,
      agencyName: null,
    });
    expect((await manager.cases.list({ isUnplaced: true, limit: 200 })).items.map((c) => c.id)).not.toContain(caseId);
    const again = await manager.cases.close({ caseId, reason: REASON }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'CONFLICT' });
    expect(describeError('zh-CN', again as TRPCError).message).toBe('案件已是“无法回收”，不能核销');
  });

  it('closes a case never placed, telling no agency', async () => {
    const imported = await importBytes(ctx.w, 'creditorA.admin', sampleCsv(2, 'NP'));
    const [own] = (await (await as('creditorA.admin')).cases.list({ importId: imported.id, limit: 10 })).items;
    const told = () =>
      ctx.handle.db.select().from(notifications).where(eq(notifications.kind, 'case.closedUnrecoverable'));
    const before = (await told()).length;
    expect(
      await (await as('creditorA.admin')).cases.close({ caseId: own?.id ?? '', reason: '法院裁定终结本次执行' }),
    ).toMatchObject({ status: 'closed_unrecoverable' });
    expect(await told()).toHaveLength(before);
  });

  it('answers NOT_FOUND for another creditor’s case and CONFLICT for a settled one or one waiting in a package; a viewer may not', async () => {
    const { caseId, caseIds } = await workingCases(ctx.w, 2);
    await expect((await as('creditorB.admin')).cases.close({ caseId, reason: REASON })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect((await as('creditorA.viewer')).cases.close({ caseId, reason: REASON })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const settledId = caseIds.find((id) => id !== caseId) ?? '';
    await ctx.handle.db
      .update(cases)
      .set({ status: 'settled', settledOn: shanghaiDate(new Date()) })
      .where(eq(cases.id, settledId));
    const settled = await (
      await as('creditorA.admin')
    ).cases
      .close({ caseId: settledId, reason: REASON })
      .catch((e: unknown) => e);
    expect(settled).toMatchObject({ code: 'CONFLICT' });
    expect(describeError('en', settled as TRPCError).message).toBe(
      'The case is already “Settled”: it cannot be closed',
    );

    // Out for bids: the agencies bid on the package as it is, so the package decides first.
    const pkg = await openPackage(ctx.w, {}, 2, 'OP');
    const [bidOn] = await caseIdsOf(ctx.w, pkg.id);
    const inPackage = await (
      await as('creditorA.manager')
    ).cases
      .close({ caseId: bidOn ?? '', reason: REASON })
      .catch((e: unknown) => e);
    expect(inPackage).toMatchObject({ code: 'CONFLICT' });
    expect(describeError('zh-CN', inPackage as TRPCError).message).toContain(`案件包“${pkg.name}”`);
    expect(
      (await ctx.handle.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]?.status,
    ).toBe('working');
  });

  it('refuses a reason that is empty or too long, naming the field', async () => {
    const { caseId } = await workingCases(ctx.w, 1);
    const manager = await as('creditorA.manager');
    for (const reason of ['   ', 'x'.repeat(501)]) {
      const refused = await manager.cases.close({ caseId, reason }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
      expect(Object.keys(describeError('zh-CN', refused as TRPCError).fieldErrors ?? {})).toEqual(['reason']);
    }
    expect(
      describeError('zh-CN', (await manager.cases.close({ caseId, reason: ' ' }).catch((e: unknown) => e)) as TRPCError)
        .message,
    ).toBe('原因: 至少 2 个字符');
    expect(
      (await ctx.handle.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]?.status,
    ).toBe('working');
  });
});
