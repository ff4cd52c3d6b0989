import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { organizations, signInAttempts, users } from '@/db/schema';
import type { Actor, Caller, RequestMeta } from '../../auth/actor';
import { hashPassword, verifyPassword } from '../../auth/password';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import type { SessionClaims } from './load-actor';
import { UNKNOWN_IP, throttleState } from './sign-in';

// Sessions are JWTs that live 8 hours in the browser; what ends one on the server is the
// user's session version: each token carries the version of its sign-in, every request
// compares it (load-actor.ts), and raising it refuses every token issued before. So a
// token copied before a sign-out, a password change, a disabling or a block of the
// organization stays refused, even if the account or organization is restored later.

/** Ends every session of an organization's users (a suspension or ban); returns how many users had theirs ended. */
export const endOrgSessions = async (tx: Tx, orgId: string): Promise<number> => {
  const ended = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.orgId, orgId), isNull(users.disabledAt)))
    .returning({ id: users.id });
  return ended.length;
};

/**
 * Sign-out (next-auth's signOut event, server/auth/options.ts): ends the user's sessions,
 * this one and those on other devices, and audits it. A token already ended (an older
 * version) changes nothing and writes nothing. Returns whether a session ended.
 */
export const signOut = async (db: DbOrTx, meta: RequestMeta, session: SessionClaims): Promise<boolean> =>
  db.transaction(async (tx) => {
    const [ended] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, session.userId), eq(users.sessionVersion, session.sessionVersion)))
      .returning({ userId: users.id, orgId: users.orgId, role: users.role, name: users.name, email: users.email });
    if (!ended) return false;
    const [org] = await tx
      .select({ orgType: organizations.type, orgStatus: organizations.status })
      .from(organizations)
      .where(eq(organizations.id, ended.orgId));
    if (!org) return false;
    const actor: Actor = { ...ended, ...org };
    await writeAudit(
      tx,
      { ...meta, actor },
      { action: 'auth.signOut', resourceType: 'session', resourceId: actor.userId, orgId: actor.orgId },
    );
    return true;
  });

/**
 * The signed-in user changes their password, giving the current one. Every session of the
 * user ends, this one included: whoever held a copy of a token, or knew the old password,
 * is out; the user signs in again with the new one. A wrong current password counts
 * toward the sign-in lock (sign-in.ts), so a stolen session cannot guess it freely.
 */
export const changePassword = async (
  db: DbOrTx,
  caller: Caller,
  input: { currentPassword: string; newPassword: string },
  now = new Date(),
) => {
  const { actor } = caller;
  const ip = caller.ip ?? UNKNOWN_IP;
  const until = await throttleState(db, actor.email, ip, now);
  if (until) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
    throw new DomainError('auth.throttled', { values: { minutes } });
  }
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  const isValid = user?.passwordHash ? await verifyPassword(user.passwordHash, input.currentPassword) : false;
  if (!isValid) {
    await db.transaction(async (tx) => {
      await tx.insert(signInAttempts).values({ email: actor.email, ip, isSuccess: false, at: now });
      await writeAudit(tx, caller, {
        action: 'user.changePasswordFailed',
        resourceType: 'user',
        resourceId: actor.userId,
        orgId: actor.orgId,
      });
    });
    throw new DomainError('user.wrongPassword', { field: 'currentPassword' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, actor.userId));
    // The hash is not logged; that the password changed, by whom and from where, is.
    await writeAudit(tx, caller, {
      action: 'user.changePassword',
      resourceType: 'user',
      resourceId: actor.userId,
      orgId: actor.orgId,
      after: { sessionsEnded: true },
    });
  });
  return { isSignedOut: true };
};
