import { and, desc, eq, gt, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { signInAttempts, users } from '@/db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { burnPasswordCheck, verifyPassword } from '../../auth/password';
import { writeAudit, writeAuditAlone } from '../../audit/write';
import { DomainError } from '../../errors';
import { readUser } from './load-actor';
import { LOOKBACK_MS, lockedUntil } from './throttle';

export type SignInInput = { email: string; password: string };

export const UNKNOWN_IP = 'unknown';

/** Until when sign-in (and any other password check) is locked for this account or client address, or null. */
export const throttleState = async (db: DbOrTx, email: string, ip: string, now: Date) => {
  const since = new Date(now.getTime() - LOOKBACK_MS);
  const rows = await db
    .select({
      email: signInAttempts.email,
      ip: signInAttempts.ip,
      isSuccess: signInAttempts.isSuccess,
      at: signInAttempts.at,
    })
    .from(signInAttempts)
    .where(and(gt(signInAttempts.at, since), or(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip))))
    .orderBy(desc(signInAttempts.at))
    .limit(200);
  // Per account: failures since the last success. Per IP: every failure, so one
  // attacker's own successful sign-in does not reset the counter for guessing others.
  const lastSuccess = rows.find((r) => r.email === email && r.isSuccess)?.at.getTime() ?? 0;
  const accountFailures = rows.filter((r) => r.email === email && !r.isSuccess && r.at.getTime() > lastSuccess);
  const ipFailures = rows.filter((r) => r.ip === ip && !r.isSuccess);
  const untilAccount = lockedUntil(
    accountFailures.map((r) => r.at),
    now,
  );
  const untilIp = lockedUntil(
    ipFailures.map((r) => r.at),
    now,
  );
  const until = [untilAccount, untilIp]
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return until ?? null;
};

/** A successful sign-in: who, and the session version the new session token carries. */
export type SignedIn = Actor & { sessionVersion: number };

/**
 * Checks credentials under the throttle. Every outcome leaves a trace: attempts feed the
 * throttle, failures and refusals go to the audit log.
 */
export const signIn = async (
  db: DbOrTx,
  meta: RequestMeta,
  input: SignInInput,
  now = new Date(),
): Promise<SignedIn> => {
  const email = input.email.trim().toLowerCase();
  const ip = meta.ip ?? UNKNOWN_IP;
  const anonymous = { ...meta, actor: null };

  const until = await throttleState(db, email, ip, now);
  if (until) {
    await writeAuditAlone(db, anonymous, { action: 'auth.signInThrottled', resourceType: 'session', after: { email } });
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
    throw new DomainError('auth.throttled', { values: { minutes } });
  }

  const [user] = await db
    .select({ id: users.id, orgId: users.orgId, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const isValid = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : false;
  if (!user?.passwordHash) await burnPasswordCheck(input.password);

  if (!user || !isValid) {
    await db.transaction(async (tx) => {
      await tx.insert(signInAttempts).values({ email, ip, isSuccess: false, at: now });
      await writeAudit(tx, anonymous, {
        action: 'auth.signInFailed',
        resourceType: 'session',
        resourceId: user?.id ?? null,
        orgId: user?.orgId ?? null,
        after: { email },
      });
    });
    throw new DomainError('auth.invalidCredentials');
  }

  const lookup = (await readUser(db, user.id)) ?? { actor: null, refusal: 'auth.invalidCredentials' as const };
  if (!lookup.actor) {
    await writeAuditAlone(db, anonymous, {
      action: 'auth.signInRefused',
      resourceType: 'session',
      resourceId: user.id,
      orgId: user.orgId,
      after: { email, reason: lookup.refusal },
    });
    throw new DomainError(lookup.refusal);
  }
  const actor = lookup.actor;
  return db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ email, ip, isSuccess: true, at: now });
    // Read from the row this update locks: the token carries the version current when the sign-in commits.
    const [signed] = await tx
      .update(users)
      .set({ lastSignInAt: now })
      .where(eq(users.id, actor.userId))
      .returning({ sessionVersion: users.sessionVersion });
    await writeAudit(
      tx,
      { ...meta, actor },
      { action: 'auth.signIn', resourceType: 'session', resourceId: actor.userId, orgId: actor.orgId },
    );
    return { ...actor, sessionVersion: signed?.sessionVersion ?? lookup.sessionVersion };
  });
};
