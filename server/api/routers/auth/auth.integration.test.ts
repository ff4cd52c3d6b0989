// An invitation link is the new user's only credential: it sets a password once, within
// 7 days, and then is spent; a wrong, used or expired token answers NOT_FOUND.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { signIn } from '../../../domain/auth/sign-in';
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

const invite = async (email: string) =>
  (await callerAs(handle.db, w.users['platform.admin'])).staff.users.create({
    orgId: w.orgs.agencyA.id,
    email,
    name: '孙悟空',
    role: 'collector',
  });

describe('invitations', () => {
  it('shows who is invited where, then sets the password once', async () => {
    const { inviteToken, user } = await invite('wukong@example.cn');
    const anonymous = await callerAs(handle.db, null);
    await expect(anonymous.auth.invite.get({ token: inviteToken })).resolves.toEqual({
      email: 'wukong@example.cn',
      name: '孙悟空',
      orgName: w.orgs.agencyA.name,
    });

    const password = 'a-long-enough-password';
    await expect(
      anonymous.auth.invite.accept({ token: inviteToken, password, confirmPassword: password }),
    ).resolves.toEqual({ email: 'wukong@example.cn' });
    await expect(signIn(handle.db, META, { email: 'wukong@example.cn', password })).resolves.toMatchObject({
      userId: user.id,
    });
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'user.acceptInvite'));
    expect(audits.map((a) => a.resourceId)).toContain(user.id);

    await expect(
      anonymous.auth.invite.accept({
        token: inviteToken,
        password: 'another-password!',
        confirmPassword: 'another-password!',
      }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(anonymous.auth.invite.get({ token: inviteToken })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses mismatched and short passwords by field, leaving the invitation usable', async () => {
    const { inviteToken } = await invite('bajie@example.cn');
    const anonymous = await callerAs(handle.db, null);
    await expect(
      anonymous.auth.invite.accept({
        token: inviteToken,
        password: 'a-long-enough-password',
        confirmPassword: 'something-else-here',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      anonymous.auth.invite.accept({ token: inviteToken, password: 'short', confirmPassword: 'short' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(anonymous.auth.invite.get({ token: inviteToken })).resolves.toMatchObject({
      email: 'bajie@example.cn',
    });
  });

  it('refuses an unknown token', async () => {
    const anonymous = await callerAs(handle.db, null);
    await expect(anonymous.auth.invite.get({ token: 'A'.repeat(43) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an expired invitation', async () => {
    const { inviteToken, user } = await invite('shaseng@example.cn');
    await handle.db
      .update(users)
      .set({ inviteExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(users.id, user.id));
    const anonymous = await callerAs(handle.db, null);
    await expect(anonymous.auth.invite.get({ token: inviteToken })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      anonymous.auth.invite.accept({
        token: inviteToken,
        password: 'a-long-enough-password',
        confirmPassword: 'a-long-enough-password',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('spends the invitation of a user disabled before accepting', async () => {
    const { inviteToken, user } = await invite('bailong@example.cn');
    await (await callerAs(handle.db, w.users['platform.admin'])).staff.users.disable({ userId: user.id });
    await expect((await callerAs(handle.db, null)).auth.invite.get({ token: inviteToken })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
