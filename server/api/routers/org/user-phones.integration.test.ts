// DESIGN §5: staff mobile numbers are personal data and are kept like debtors' numbers:
// sealed at rest (no plain number in the database), masked (139****5678) in every list and
// response, whole only to the user themself, or to an administrator who reveals it for a
// reason, which is audited (the reason, never the number).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { creditCodeFor } from '@/db/seed/factories';
import { createTestDb } from '../../../testing/db';
import { META, buildWorld, callerAs, type World } from '../../../testing/world';

let handle: DbHandle;
let w: World;

beforeAll(async () => {
  handle = await createTestDb();
  w = await buildWorld(handle.db);
});
afterAll(async () => {
  await handle.close();
});

/** The stored row as the database holds it, every column as text. */
const storedRow = async (email: string) => {
  const rows = await handle.db.execute(sql`select to_jsonb(u)::text as row from users u where email = ${email}`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { row: string }[];
  return list[0]?.row ?? '';
};

/** An invited user who accepted the invitation, so they can sign in and read. */
const invitedUser = async (email: string, phone: string, role: 'manager' | 'viewer' = 'manager') => {
  const res = await (
    await callerAs(handle.db, w.users['creditorA.admin'])
  ).org.users.invite({ email, name: '周杰', phone, role });
  await (
    await callerAs(handle.db, null)
  ).auth.invite.accept({
    token: res.inviteToken,
    password: 'a-long-enough-password',
    confirmPassword: 'a-long-enough-password',
  });
  return res.user;
};

describe('staff phone numbers at rest', () => {
  it('an invitation keeps the number sealed: the row holds no plain number', async () => {
    await (
      await callerAs(handle.db, w.users['creditorA.admin'])
    ).org.users.invite({ email: 'sealed.invite@example.cn', name: '周杰', phone: '13912345678', role: 'viewer' });
    const row = await storedRow('sealed.invite@example.cn');
    expect(row).toContain('sealed.invite@example.cn');
    expect(row).not.toContain('13912345678');
    expect(row).not.toContain('12345678');
  });

  it('a sign-up keeps the administrator’s number sealed too', async () => {
    const n = 777001;
    await (
      await callerAs(handle.db, null)
    ).admission.signUp({
      type: 'agency',
      orgName: '成都信达商务咨询有限公司',
      creditCode: creditCodeFor(n, '510104'),
      adminName: '郭靖',
      email: 'sealed.signup@example.cn',
      phone: '13700001234',
    });
    const row = await storedRow('sealed.signup@example.cn');
    expect(row).toContain('sealed.signup@example.cn');
    expect(row).not.toContain('13700001234');
    // The new administrator sees their own number.
    const [user] = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'sealed.signup@example.cn'));
    await expect((await callerAs(handle.db, user ?? null)).me.get()).resolves.toMatchObject({ phone: '13700001234' });
  });
});

describe('staff phone numbers in responses', () => {
  it('the invitation’s answer and the lists show the mask; the user sees their own number whole', async () => {
    const res = await (
      await callerAs(handle.db, w.users['creditorA.admin'])
    ).org.users.invite({ email: 'masked.answer@example.cn', name: '李娜', phone: '13811112222', role: 'viewer' });
    expect(res.user.phone).toBe('138****2222');

    const manager = await invitedUser('own.number@example.cn', '13912345678');
    const byAdmin = await (await callerAs(handle.db, w.users['creditorA.admin'])).org.users.list({ limit: 100 });
    expect(byAdmin.items.find((u) => u.id === manager.id)?.phone).toBe('139****5678');
    expect(byAdmin.items.find((u) => u.email === 'masked.answer@example.cn')?.phone).toBe('138****2222');

    const asManager = await callerAs(handle.db, manager);
    const own = await asManager.org.users.list({ limit: 100 });
    expect(own.items.find((u) => u.id === manager.id)?.phone).toBe('13912345678');
    expect(own.items.find((u) => u.email === 'masked.answer@example.cn')?.phone).toBe('138****2222');
    await expect(asManager.me.get()).resolves.toMatchObject({ userId: manager.id, phone: '13912345678' });

    const byStaff = await (
      await callerAs(handle.db, w.users['platform.admin'])
    ).staff.users.list({ orgId: w.orgs.creditorA.id, limit: 100 });
    expect(byStaff.items.find((u) => u.id === manager.id)?.phone).toBe('139****5678');
    // No response of these carries the whole number of someone else.
    expect(JSON.stringify([byAdmin, byStaff, res])).not.toContain('13912345678');
  });

  it('an administrator reveals a number for a reason: audited with the reason, never the number', async () => {
    const target = await invitedUser('reveal.me@example.cn', '13655556666', 'viewer');
    const admin = await callerAs(handle.db, w.users['creditorA.admin']);
    await expect(admin.org.users.revealPhone({ userId: target.id, reason: '核实联系方式' })).resolves.toEqual({
      value: '13655556666',
    });
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.resourceId, target.id));
    const reveal = audits.filter((a) => a.action === 'user.revealPhone');
    expect(reveal).toEqual([
      expect.objectContaining({
        actorUserId: w.users['creditorA.admin'].id,
        orgId: w.orgs.creditorA.id,
        ip: META.ip,
        after: { field: 'phone', reason: '核实联系方式' },
      }),
    ]);
    expect(JSON.stringify(audits)).not.toContain('13655556666');

    const staff = await callerAs(handle.db, w.users['platform.admin']);
    await expect(staff.staff.users.revealPhone({ userId: target.id, reason: '投诉核查需要联系' })).resolves.toEqual({
      value: '13655556666',
    });
  });

  it('refuses a reveal without a reason, of a user without a number, and across tenants', async () => {
    const target = await invitedUser('reveal.refused@example.cn', '13677778888', 'viewer');
    const admin = await callerAs(handle.db, w.users['creditorA.admin']);
    await expect(admin.org.users.revealPhone({ userId: target.id, reason: ' ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      admin.org.users.revealPhone({ userId: w.users['creditorA.viewer'].id, reason: '核实联系方式' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      cause: { code: 'user.noPhone' },
    });
    await expect(
      (await callerAs(handle.db, w.users['creditorB.admin'])).org.users.revealPhone({
        userId: target.id,
        reason: '核实联系方式',
      }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      cause: { code: 'user.notFound' },
    });
  });
});
