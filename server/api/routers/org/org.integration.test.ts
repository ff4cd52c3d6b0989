// An organization's admin manages its own users only: the organization comes from the
// session, another tenant's users answer NOT_FOUND, invitations land in the caller's own
// organization with an audit row, and bad input is refused by field with nothing written.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, users } from '@/db/schema';
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

const usersNamed = (email: string) => handle.db.select().from(users).where(eq(users.email, email));

describe('org.get', () => {
  it("returns the caller's own organization with its active user count", async () => {
    const org = await (await callerAs(handle.db, w.users['creditorB.viewer'])).org.get();
    expect(org).toMatchObject({ id: w.orgs.creditorB.id, type: 'creditor', activeUserCount: 3 });
  });
});

describe('org.users.list', () => {
  it('lists only the own organization, every user exactly once across keyset pages', async () => {
    const caller = await callerAs(handle.db, w.users['agencyA.admin']);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: string; orgId: string }[]; nextCursor: string | null } = await caller.org.users.list({
        limit: 2,
        cursor,
      });
      for (const u of page.items) expect(u.orgId).toBe(w.orgs.agencyA.id);
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    const expected = [w.users['agencyA.admin'].id, w.users['agencyA.supervisor'].id, w.users['agencyA.collector'].id];
    expect(seen.sort()).toEqual(expected.sort());
    expect(pages).toBe(2);
  });

  it('never exposes password hashes or invitation tokens', async () => {
    const page = await (await callerAs(handle.db, w.users['agencyA.admin'])).org.users.list({ limit: 10 });
    for (const u of page.items) {
      expect(u).not.toHaveProperty('passwordHash');
      expect(u).not.toHaveProperty('inviteTokenHash');
    }
  });

  it('refuses a forged cursor by field', async () => {
    await expect(
      (await callerAs(handle.db, w.users['agencyA.admin'])).org.users.list({ cursor: 'not-a-cursor' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'input.invalidCursor', details: { field: 'cursor' } },
    });
  });
});

describe('org.users.invite', () => {
  it("creates a pending user in the caller's organization and audits it", async () => {
    const caller = await callerAs(handle.db, w.users['creditorA.admin']);
    const res = await caller.org.users.invite({
      email: ' New.Manager@Example.CN ',
      name: ' 周杰 ',
      phone: '13912345678',
      role: 'manager',
    });
    expect(res.user).toMatchObject({
      orgId: w.orgs.creditorA.id,
      email: 'new.manager@example.cn',
      name: '周杰',
      role: 'manager',
      isInvitePending: true,
    });
    expect(res.inviteToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await usersNamed('new.manager@example.cn');
    expect(row?.passwordHash).toBeNull();
    expect(row?.inviteTokenHash).not.toContain(res.inviteToken);
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.invite'), eq(auditLog.resourceId, res.user.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorUserId: w.users['creditorA.admin'].id,
      orgId: w.orgs.creditorA.id,
      ip: META.ip,
      userAgent: META.userAgent,
    });
  });

  it('refuses an orgId in the input instead of inviting into another organization', async () => {
    const caller = await callerAs(handle.db, w.users['creditorA.admin']);
    await expect(
      caller.org.users.invite({
        email: 'cross@example.cn',
        name: '李四',
        role: 'viewer',
        orgId: w.orgs.creditorB.id,
      } as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await usersNamed('cross@example.cn')).toHaveLength(0);
  });

  it('refuses a role that does not exist in this kind of organization', async () => {
    const caller = await callerAs(handle.db, w.users['creditorA.admin']);
    await expect(
      caller.org.users.invite({ email: 'collector@creditor.cn', name: '王五', role: 'collector' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'user.roleNotAllowed', details: { field: 'role' } },
    });
    expect(await usersNamed('collector@creditor.cn')).toHaveLength(0);
  });

  it('refuses an email registered anywhere on the platform, writing nothing', async () => {
    const caller = await callerAs(handle.db, w.users['creditorA.admin']);
    const taken = w.users['agencyB.collector'].email;
    const before = (await handle.db.select().from(auditLog).where(eq(auditLog.action, 'user.invite'))).length;
    await expect(
      caller.org.users.invite({ email: taken.toUpperCase(), name: '重复', role: 'viewer' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'user.emailTaken', details: { field: 'email' } },
    });
    expect(await usersNamed(taken)).toHaveLength(1);
    expect(await handle.db.select().from(auditLog).where(eq(auditLog.action, 'user.invite'))).toHaveLength(before);
  });

  it.each([
    ['malformed email', { email: 'not-an-email', name: '张三', role: 'viewer' }],
    ['empty name', { email: 'a1@example.cn', name: '   ', role: 'viewer' }],
    ['huge name', { email: 'a2@example.cn', name: '名'.repeat(51), role: 'viewer' }],
    ['bad mobile', { email: 'a3@example.cn', name: '张三', role: 'viewer', phone: '2345' }],
    ['unknown role', { email: 'a4@example.cn', name: '张三', role: 'owner' }],
    ['wrong type', { email: 42, name: '张三', role: 'viewer' }],
    ['empty input', {}],
  ])('refuses %s', async (_why, input) => {
    const caller = await callerAs(handle.db, w.users['creditorA.admin']);
    await expect(caller.org.users.invite(input as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('org.users.disable', () => {
  it('disables a user of the own organization, audits it, and ends that user’s session', async () => {
    const target = w.users['agencyA.collector'];
    const before = await callerAs(handle.db, target);
    await expect(before.me.get()).resolves.toMatchObject({ userId: target.id });

    const res = await (await callerAs(handle.db, w.users['agencyA.admin'])).org.users.disable({ userId: target.id });
    expect(res.disabledAt).toBeInstanceOf(Date);
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.disable'), eq(auditLog.resourceId, target.id)));
    expect(audits).toHaveLength(1);

    // The same session (the JWT still names the user) is refused on its next request.
    await expect((await callerAs(handle.db, target)).me.get()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'auth.accountDisabled' },
    });
  });

  it('refuses to disable twice', async () => {
    await expect(
      (await callerAs(handle.db, w.users['agencyA.admin'])).org.users.disable({
        userId: w.users['agencyA.collector'].id,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses to disable oneself', async () => {
    const admin = w.users['agencyA.admin'];
    await expect((await callerAs(handle.db, admin)).org.users.disable({ userId: admin.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('answers NOT_FOUND for another tenant’s user and for an unknown id, changing nothing', async () => {
    const caller = await callerAs(handle.db, w.users['agencyB.admin']);
    const other = w.users['agencyA.supervisor'];
    await expect(caller.org.users.disable({ userId: other.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.org.users.disable({ userId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const [row] = await handle.db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, other.id));
    expect(row?.disabledAt).toBeNull();
  });
});
