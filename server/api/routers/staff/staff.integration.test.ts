// Platform staff act across tenants: they find organizations by type, status, name or
// credit code; an admin registers organizations, moves them through their lifecycle
// (a ban is permanent) with a reason in the audit log, and a suspension stops the
// organization's users on their next request. Two admins acting at once: one wins.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, organizations } from '@/db/schema';
import { creditCodeFor, makeOrg } from '@/db/seed/factories';
import { createTestDb, isPostgresRun } from '../../../testing/db';
import { buildWorld, callerAs, type World } from '../../../testing/world';

let handle: DbHandle;
let w: World;
const staff = () => callerAs(handle.db, w.users['platform.admin']);

beforeAll(async () => {
  handle = await createTestDb();
  w = await buildWorld(handle.db);
  for (let i = 0; i < 5; i += 1) {
    await makeOrg(handle.db, {
      type: 'agency',
      name: `列表测试催收${i}`,
      status: i < 2 ? 'suspended' : 'active',
      creditCode: creditCodeFor(700 + i, '440305'),
    });
  }
});
afterAll(async () => {
  await handle.close();
});

describe('staff.orgs.list', () => {
  it('filters by type and status', async () => {
    const caller = await staff();
    const suspended = await caller.staff.orgs.list({ type: 'agency', status: 'suspended', limit: 50 });
    expect(suspended.items.map((o) => o.name).sort()).toEqual(['列表测试催收0', '列表测试催收1']);
    const creditors = await caller.staff.orgs.list({ type: 'creditor', limit: 50 });
    expect(creditors.items.every((o) => o.type === 'creditor')).toBe(true);
    expect(creditors.items.map((o) => o.id)).toEqual(
      expect.arrayContaining([w.orgs.creditorA.id, w.orgs.creditorB.id]),
    );
  });

  it('searches by name fragment, full credit code and code prefix', async () => {
    const caller = await staff();
    expect((await caller.staff.orgs.list({ q: '列表测试', limit: 50 })).items).toHaveLength(5);
    const code = creditCodeFor(703, '440305');
    expect((await caller.staff.orgs.list({ q: code.toLowerCase(), limit: 50 })).items.map((o) => o.creditCode)).toEqual(
      [code],
    );
    expect(
      (await caller.staff.orgs.list({ q: code.slice(0, 16), limit: 50 })).items.map((o) => o.creditCode),
    ).toContain(code);
    expect((await caller.staff.orgs.list({ q: '100%_', limit: 50 })).items).toHaveLength(0);
  });

  it('visits every organization exactly once across keyset pages', async () => {
    const caller = await staff();
    const all = await handle.db.select({ id: organizations.id }).from(organizations);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i += 1) {
      const page: { items: { id: string }[]; nextCursor: string | null } = await caller.staff.orgs.list({
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen).size).toBe(all.length);
  });

  it('refuses a forged cursor', async () => {
    await expect((await staff()).staff.orgs.list({ cursor: 'Zm9yZ2Vk' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('staff.orgs.create', () => {
  it('registers an applicant with an audit row; the same code cannot register twice', async () => {
    const caller = await staff();
    const code = creditCodeFor(888_001, '330106');
    const org = await caller.staff.orgs.create({
      type: 'creditor',
      name: '浙江稠州小额贷款有限公司',
      creditCode: ` ${code.toLowerCase()} `,
    });
    expect(org).toMatchObject({ type: 'creditor', status: 'applicant', creditCode: code });
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'org.create'), eq(auditLog.resourceId, org.id)));
    expect(audits).toHaveLength(1);
    await expect(caller.staff.orgs.create({ type: 'agency', name: '另一家', creditCode: code })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'org.creditCodeTaken', details: { field: 'creditCode' } },
    });
    expect(await handle.db.select().from(organizations).where(eq(organizations.creditCode, code))).toHaveLength(1);
  });

  it.each([
    ['a wrong check character', { type: 'agency', name: '错误代码公司', creditCode: '91110108551385082R' }],
    ['a short code', { type: 'agency', name: '错误代码公司', creditCode: '9111010855' }],
    ['an empty name', { type: 'agency', name: ' ', creditCode: creditCodeFor(888_002) }],
    ['a platform type', { type: 'platform', name: '第二个平台', creditCode: creditCodeFor(888_003) }],
  ])('refuses %s', async (_why, input) => {
    await expect((await staff()).staff.orgs.create(input as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('staff.orgs.setStatus', () => {
  it('suspends with a reason in the audit log, and the organization’s users stop at once', async () => {
    const caller = await staff();
    const member = w.users['agencyB.supervisor'];
    await expect((await callerAs(handle.db, member)).me.get()).resolves.toBeDefined();
    const org = await caller.staff.orgs.setStatus({
      orgId: w.orgs.agencyB.id,
      status: 'suspended',
      reason: '投诉核实：威胁债务人家属',
    });
    expect(org.status).toBe('suspended');
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'org.setStatus'), eq(auditLog.resourceId, org.id)));
    expect(audit).toMatchObject({
      actorUserId: w.users['platform.admin'].id,
      before: { status: 'active' },
      after: { status: 'suspended', reason: '投诉核实：威胁债务人家属' },
    });
    await expect((await callerAs(handle.db, member)).me.get()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'auth.orgBlocked' },
    });
  });

  it('refuses the same status, a move out of a ban, an agency ban outside a sanction, the platform itself and unknown organizations', async () => {
    const caller = await staff();
    await expect(
      caller.staff.orgs.setStatus({ orgId: w.orgs.agencyB.id, status: 'suspended', reason: '再次暂停' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // An agency is banned through a sanction, with a second approval and every effect (sanctions/ban.integration.test.ts).
    await expect(
      caller.staff.orgs.setStatus({
        orgId: w.orgs.agencyB.id,
        status: 'banned',
        reason: '暴力催收，永久禁入',
        banCategory: 'abuse',
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'org.banBySanction' },
    });
    const creditor = await makeOrg(handle.db, { type: 'creditor', name: '伪造资料的放贷机构' });
    await expect(
      caller.staff.orgs.setStatus({ orgId: creditor.id, status: 'banned', reason: '伪造放款资料，永久禁入' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await caller.staff.orgs.setStatus({
      orgId: creditor.id,
      status: 'banned',
      reason: '伪造放款资料，永久禁入',
      banCategory: 'fraud',
    });
    const [banned] = await handle.db.select().from(organizations).where(eq(organizations.id, creditor.id));
    expect(banned).toMatchObject({ status: 'banned', banCategory: 'fraud' });
    expect(banned?.bannedAt).toBeInstanceOf(Date);
    await expect(
      caller.staff.orgs.setStatus({ orgId: creditor.id, status: 'active', reason: '申请恢复' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'org.statusNotAllowed' },
    });
    await expect(
      caller.staff.orgs.setStatus({ orgId: w.orgs.platform.id, status: 'suspended', reason: '测试' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.staff.orgs.setStatus({
        orgId: '00000000-0000-4000-8000-000000000000',
        status: 'suspended',
        reason: '测试',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('admits no one: an applicant becomes active only through the admission review, and a lapsed admission only through renewal', async () => {
    const caller = await staff();
    const applicant = w.orgs.agencyNew;
    const auditsBefore = (await handle.db.select().from(auditLog).where(eq(auditLog.action, 'org.setStatus'))).length;
    // The applicant's application is a draft: one admin alone may not make it admitted.
    for (const status of ['active', 'suspended', 'expired'] as const) {
      await expect(
        caller.staff.orgs.setStatus({ orgId: applicant.id, status, reason: '线下已核实资料，直接准入' }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        cause: { code: status === 'active' ? 'org.admitByReview' : 'org.statusNotAllowed' },
      });
    }
    // An applicant is rejected by the review, not banned by hand.
    await expect(
      caller.staff.orgs.setStatus({
        orgId: w.orgs.creditorNew.id,
        status: 'banned',
        reason: '资料造假',
        banCategory: 'fraud',
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'org.statusNotAllowed' },
    });
    const [still] = await handle.db.select().from(organizations).where(eq(organizations.id, applicant.id));
    expect(still).toMatchObject({ status: 'applicant', tier: null, admissionExpiresAt: null });
    const listed = await (await callerAs(handle.db, null)).public.agencies.admitted({ limit: 100 });
    expect(listed.items.some((i) => i.name === applicant.name)).toBe(false);
    // It still sees only its application: no bids, no offers.
    await expect(
      (await callerAs(handle.db, w.users['agencyNew.admin'])).market.list({ sort: 'closing', limit: 10 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // An admission that ran out is renewed through the review too; nor does staff expire one by hand.
    const lapsed = await makeOrg(handle.db, { type: 'agency', name: '准入已到期的处置机构', status: 'expired' });
    for (const status of ['active', 'suspended'] as const) {
      await expect(
        caller.staff.orgs.setStatus({ orgId: lapsed.id, status, reason: '续期材料稍后补交' }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
    }
    const admitted = await makeOrg(handle.db, { type: 'creditor', name: '正常合作的委托方' });
    await expect(
      caller.staff.orgs.setStatus({ orgId: admitted.id, status: 'expired', reason: '提前结束准入' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await handle.db.select().from(auditLog).where(eq(auditLog.action, 'org.setStatus'))).toHaveLength(
      auditsBefore,
    );
  });

  it('lifts a suspension back to active, or to expired when the admission ran out meanwhile', async () => {
    const caller = await staff();
    const admitted = await makeOrg(handle.db, { type: 'agency', name: '暂停中准入到期的处置机构' });
    await caller.staff.orgs.setStatus({ orgId: admitted.id, status: 'suspended', reason: '投诉核实：威胁债务人' });
    await handle.db
      .update(organizations)
      .set({ admissionExpiresAt: new Date(Date.now() - 86_400_000) })
      .where(eq(organizations.id, admitted.id));
    const lifted = await caller.staff.orgs.setStatus({
      orgId: admitted.id,
      status: 'active',
      reason: '整改完成，解除暂停',
    });
    expect(lifted.status).toBe('expired');
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'org.setStatus'),
          eq(auditLog.resourceId, admitted.id),
          eq(auditLog.actorUserId, w.users['platform.admin'].id),
        ),
      )
      .orderBy(desc(auditLog.at))
      .limit(1);
    expect(audit).toMatchObject({ before: { status: 'suspended' }, after: { status: 'expired' } });
  });

  it('requires a reason', async () => {
    await expect(
      (await staff()).staff.orgs.setStatus({ orgId: w.orgs.creditorB.id, status: 'suspended', reason: ' ' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const [org] = await handle.db
      .select({ status: organizations.status })
      .from(organizations)
      .where(eq(organizations.id, w.orgs.creditorB.id));
    expect(org?.status).toBe('active');
  });

  if (isPostgresRun()) {
    // Row lock (SELECT … FOR UPDATE): two admins suspending at once, exactly one succeeds.
    it('lets exactly one of two concurrent identical changes through, with one audit row', async () => {
      const target = await makeOrg(handle.db, { type: 'agency', name: '并发测试机构' });
      const [a, b] = [await staff(), await callerAs(handle.db, w.users['platform.admin'])];
      const results = await Promise.allSettled([
        a.staff.orgs.setStatus({ orgId: target.id, status: 'suspended', reason: '并发一' }),
        b.staff.orgs.setStatus({ orgId: target.id, status: 'suspended', reason: '并发二' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason).toMatchObject({ code: 'CONFLICT' });
      const audits = await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'org.setStatus'), eq(auditLog.resourceId, target.id)));
      expect(audits).toHaveLength(1);
    });
  }
});

describe('staff users', () => {
  it('creates an account in another organization, with an invitation and an audit row', async () => {
    const res = await (
      await staff()
    ).staff.users.create({ orgId: w.orgs.creditorB.id, email: 'ops@creditor-b.cn', name: '吴刚', role: 'manager' });
    expect(res.user).toMatchObject({ orgId: w.orgs.creditorB.id, role: 'manager', isInvitePending: true });
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.invite'), eq(auditLog.resourceId, res.user.id)));
    expect(audits[0]).toMatchObject({ orgId: w.orgs.creditorB.id, actorOrgId: w.orgs.platform.id });
  });

  it('refuses a role foreign to the organization and an unknown organization', async () => {
    const caller = await staff();
    await expect(
      caller.staff.users.create({ orgId: w.orgs.creditorB.id, email: 'r1@x.cn', name: '甲', role: 'reviewer' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      caller.staff.users.create({
        orgId: '00000000-0000-4000-8000-000000000000',
        email: 'r2@x.cn',
        name: '乙',
        role: 'admin',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists and disables any organization’s users', async () => {
    const caller = await staff();
    const page = await caller.staff.users.list({ orgId: w.orgs.creditorA.id, limit: 50 });
    expect(page.items.map((u) => u.orgId)).toEqual(page.items.map(() => w.orgs.creditorA.id));
    const target = w.users['creditorA.viewer'];
    await expect(caller.staff.users.disable({ userId: target.id })).resolves.toMatchObject({ id: target.id });
    await expect((await callerAs(handle.db, target)).org.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller.staff.users.list({ orgId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('staff.audit.list', () => {
  it('filters by action, actor, organization and time range, newest first, by pages', async () => {
    const caller = await callerAs(handle.db, w.users['platform.auditor']);
    const byAction = await caller.staff.audit.list({ action: 'org.setStatus', limit: 50 });
    expect(byAction.items.length).toBeGreaterThanOrEqual(2);
    expect(byAction.items.every((r) => r.action === 'org.setStatus')).toBe(true);
    const ids = byAction.items.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));

    const byActor = await caller.staff.audit.list({ actorUserId: w.users['platform.admin'].id, limit: 50 });
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(
      byActor.items.every(
        (r) => r.actorUserId === w.users['platform.admin'].id && r.actorName === w.users['platform.admin'].name,
      ),
    ).toBe(true);

    const byOrg = await caller.staff.audit.list({ orgId: w.orgs.agencyB.id, limit: 50 });
    expect(byOrg.items.every((r) => r.orgId === w.orgs.agencyB.id && r.orgName === w.orgs.agencyB.name)).toBe(true);

    const future = await caller.staff.audit.list({ from: new Date(Date.now() + 3_600_000), limit: 50 });
    expect(future.items).toHaveLength(0);
    const past = await caller.staff.audit.list({ to: new Date(Date.now() - 3_600_000), limit: 50 });
    expect(past.items).toHaveLength(0);

    const first = await caller.staff.audit.list({ limit: 1 });
    const second = await caller.staff.audit.list({ limit: 1, cursor: first.nextCursor });
    expect(second.items[0]?.id).toBeLessThan(first.items[0]?.id ?? 0);
  });

  it('refuses a reversed range and an unknown action by field', async () => {
    const caller = await callerAs(handle.db, w.users['platform.auditor']);
    await expect(
      caller.staff.audit.list({ from: new Date('2026-12-01'), to: new Date('2026-11-01') }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.staff.audit.list({ action: 'org.delete' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller.staff.audit.list({ cursor: '-5' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
