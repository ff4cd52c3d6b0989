// Sign-in: argon2id credentials; a disabled user or a suspended or banned organization
// is refused; 5 failures within 15 minutes lock the account (and the client address)
// for 15 minutes, kept in the database so the lock holds on every instance; every
// outcome lands in the audit log.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, organizations, users } from '@/db/schema';
import { makeOrg, makeUser } from '@/db/seed/factories';
import { createTestDb } from '../../testing/db';
import { TEST_PASSWORD, testPasswordHash } from '../../testing/world';
import { signIn } from './sign-in';

let handle: DbHandle;
let orgId: string;
const T0 = new Date('2026-11-23T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let n = 0;
const freshUser = async (overrides: { disabledAt?: Date } = {}) => {
  n += 1;
  return makeUser(handle.db, {
    orgId,
    role: 'collector',
    email: `u${n}@signin.test`,
    passwordHash: await testPasswordHash(),
    ...overrides,
  });
};
const ip = (k: number) => ({ ip: `198.51.100.${k}`, userAgent: 'vitest' });

beforeAll(async () => {
  handle = await createTestDb();
  orgId = (await makeOrg(handle.db, { type: 'agency' })).id;
});
afterAll(async () => {
  await handle.close();
});

const auditOf = (action: 'auth.signIn' | 'auth.signInFailed' | 'auth.signInThrottled' | 'auth.signInRefused') =>
  handle.db.select().from(auditLog).where(eq(auditLog.action, action));

describe('credentials', () => {
  it('signs in with the right password, in any letter case, and audits it', async () => {
    const u = await freshUser();
    const actor = await signIn(handle.db, ip(1), { email: u.email.toUpperCase(), password: TEST_PASSWORD }, at(0));
    expect(actor).toMatchObject({ userId: u.id, orgId, orgType: 'agency', role: 'collector' });
    const rows = (await auditOf('auth.signIn')).filter((r) => r.actorUserId === u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ip: '198.51.100.1', orgId });
    const [after] = await handle.db.select({ lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, u.id));
    expect(after?.lastSignInAt).toEqual(at(0));
  });

  it('refuses a wrong password and an unknown email alike, and audits both', async () => {
    const u = await freshUser();
    await expect(signIn(handle.db, ip(2), { email: u.email, password: 'wrong-password' }, at(0))).rejects.toMatchObject(
      { code: 'auth.invalidCredentials' },
    );
    await expect(
      signIn(handle.db, ip(2), { email: 'nobody@signin.test', password: 'wrong-password' }, at(0)),
    ).rejects.toMatchObject({
      code: 'auth.invalidCredentials',
    });
    const failed = (await auditOf('auth.signInFailed')).filter((r) => r.ip === '198.51.100.2');
    expect(failed.map((r) => (r.after as { email: string }).email).sort()).toEqual(
      ['nobody@signin.test', u.email].sort(),
    );
    expect(failed.find((r) => r.resourceId === u.id)).toBeDefined();
  });

  it('refuses an invited user who has not set a password yet', async () => {
    n += 1;
    const u = await makeUser(handle.db, {
      orgId,
      role: 'collector',
      email: `invited${n}@signin.test`,
      passwordHash: null,
    });
    await expect(signIn(handle.db, ip(3), { email: u.email, password: '' }, at(0))).rejects.toMatchObject({
      code: 'auth.invalidCredentials',
    });
  });

  it('refuses a disabled user with the right password', async () => {
    const u = await freshUser({ disabledAt: at(-60) });
    await expect(signIn(handle.db, ip(4), { email: u.email, password: TEST_PASSWORD }, at(0))).rejects.toMatchObject({
      code: 'auth.accountDisabled',
    });
    expect((await auditOf('auth.signInRefused')).some((r) => r.resourceId === u.id)).toBe(true);
  });

  it.each(['suspended', 'banned'] as const)('refuses a user of a %s organization', async (status) => {
    const org = await makeOrg(handle.db, { type: 'agency', status });
    const u = await makeUser(handle.db, {
      orgId: org.id,
      role: 'admin',
      email: `${status}@signin.test`,
      passwordHash: await testPasswordHash(),
    });
    await expect(signIn(handle.db, ip(5), { email: u.email, password: TEST_PASSWORD }, at(0))).rejects.toMatchObject({
      code: 'auth.orgBlocked',
    });
  });
});

describe('throttle', () => {
  it('locks an account after 5 failures within 15 minutes, even for the right password, for 15 minutes', async () => {
    const u = await freshUser();
    for (let i = 0; i < 5; i += 1) {
      await expect(
        signIn(handle.db, ip(10 + i), { email: u.email, password: `bad-${i}` }, at(i)),
      ).rejects.toMatchObject({ code: 'auth.invalidCredentials' });
    }
    await expect(signIn(handle.db, ip(20), { email: u.email, password: TEST_PASSWORD }, at(5))).rejects.toMatchObject({
      code: 'auth.throttled',
      details: { values: { minutes: 14 } },
    });
    expect((await auditOf('auth.signInThrottled')).some((r) => (r.after as { email: string }).email === u.email)).toBe(
      true,
    );
    await expect(
      signIn(handle.db, ip(20), { email: u.email, password: TEST_PASSWORD }, at(18.5)),
    ).rejects.toMatchObject({ code: 'auth.throttled' });
    await expect(signIn(handle.db, ip(20), { email: u.email, password: TEST_PASSWORD }, at(19))).resolves.toMatchObject(
      { userId: u.id },
    );
  });

  it('does not lock for failures spread over more than 15 minutes', async () => {
    const u = await freshUser();
    for (const m of [0, 5, 10, 15, 20]) {
      await expect(signIn(handle.db, ip(30), { email: u.email, password: 'bad' }, at(m))).rejects.toMatchObject({
        code: 'auth.invalidCredentials',
      });
    }
    await expect(signIn(handle.db, ip(31), { email: u.email, password: TEST_PASSWORD }, at(21))).resolves.toMatchObject(
      { userId: u.id },
    );
  });

  it('resets the account counter after a successful sign-in', async () => {
    const u = await freshUser();
    for (const m of [0, 1, 2, 3]) {
      await expect(signIn(handle.db, ip(40), { email: u.email, password: 'bad' }, at(m))).rejects.toMatchObject({
        code: 'auth.invalidCredentials',
      });
    }
    await signIn(handle.db, ip(41), { email: u.email, password: TEST_PASSWORD }, at(4));
    await expect(signIn(handle.db, ip(42), { email: u.email, password: 'bad' }, at(5))).rejects.toMatchObject({
      code: 'auth.invalidCredentials',
    });
    await expect(signIn(handle.db, ip(43), { email: u.email, password: TEST_PASSWORD }, at(6))).resolves.toMatchObject({
      userId: u.id,
    });
  });

  it('locks a client address guessing across 5 accounts, but not other addresses', async () => {
    const victims = await Promise.all([1, 2, 3, 4, 5, 6].map(() => freshUser()));
    for (const [i, v] of victims.slice(0, 5).entries()) {
      await expect(signIn(handle.db, ip(50), { email: v.email, password: 'bad' }, at(i))).rejects.toMatchObject({
        code: 'auth.invalidCredentials',
      });
    }
    const sixth = victims[5];
    if (!sixth) throw new Error('six users expected');
    await expect(
      signIn(handle.db, ip(50), { email: sixth.email, password: TEST_PASSWORD }, at(6)),
    ).rejects.toMatchObject({ code: 'auth.throttled' });
    await expect(
      signIn(handle.db, ip(51), { email: sixth.email, password: TEST_PASSWORD }, at(6)),
    ).resolves.toMatchObject({ userId: sixth.id });
  });

  it('does not record refused attempts as failures (the lock ends on time)', async () => {
    const u = await freshUser();
    for (const m of [0, 1, 2, 3, 4]) {
      await expect(signIn(handle.db, ip(60), { email: u.email, password: 'bad' }, at(m))).rejects.toMatchObject({
        code: 'auth.invalidCredentials',
      });
    }
    for (const m of [10, 12, 18]) {
      await expect(signIn(handle.db, ip(61), { email: u.email, password: 'bad' }, at(m))).rejects.toMatchObject({
        code: 'auth.throttled',
      });
    }
    await expect(signIn(handle.db, ip(62), { email: u.email, password: TEST_PASSWORD }, at(19))).resolves.toMatchObject(
      { userId: u.id },
    );
  });
});

describe('organization state read at sign-in', () => {
  it('lets a user in again once the organization is restored', async () => {
    const org = await makeOrg(handle.db, { type: 'creditor', status: 'suspended' });
    const u = await makeUser(handle.db, {
      orgId: org.id,
      role: 'viewer',
      email: 'restored@signin.test',
      passwordHash: await testPasswordHash(),
    });
    await expect(signIn(handle.db, ip(70), { email: u.email, password: TEST_PASSWORD }, at(0))).rejects.toMatchObject({
      code: 'auth.orgBlocked',
    });
    await handle.db
      .update(organizations)
      .set({ status: 'active' })
      .where(and(eq(organizations.id, org.id)));
    await expect(signIn(handle.db, ip(70), { email: u.email, password: TEST_PASSWORD }, at(1))).resolves.toMatchObject({
      userId: u.id,
    });
  });
});
