import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import type { Role } from '@/lib/enums';
import { isRoleAllowedFor } from '@/lib/organizations';
import { organizations, users } from '@/db/schema';
import type { Caller, RequestMeta } from '../../auth/actor';
import { hashPassword } from '../../auth/password';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { decryptPii } from '../../pii/crypto';
import { isUniqueViolation } from '../shared/db-errors';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { phoneAsSeenBy, sealStaffPhone } from './phones';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const userColumns = {
  id: users.id,
  orgId: users.orgId,
  email: users.email,
  name: users.name,
  phoneSealed: users.phoneSealed,
  role: users.role,
  disabledAt: users.disabledAt,
  lastSignInAt: users.lastSignInAt,
  inviteExpiresAt: users.inviteExpiresAt,
  createdAt: users.createdAt,
};

type UserRow = { [K in keyof typeof userColumns]: (typeof users.$inferSelect)[K] };

/**
 * What a screen needs to know about a user; the invitation state replaces the hash, and the
 * number is masked unless the reader is the user themself (DESIGN §5).
 */
const present = (readerId: string, { inviteExpiresAt, phoneSealed, ...u }: UserRow) => ({
  ...u,
  phone: phoneAsSeenBy(readerId, u.id, phoneSealed),
  isInvitePending: inviteExpiresAt !== null,
});

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export type NewUserArgs = { email: string; name: string; phone?: string | null | undefined; role: Role };

/** Creates a user who sets a password through a one-time invitation link. */
const createInvitedUser = async (db: DbOrTx, caller: Caller, orgId: string, args: NewUserArgs) =>
  db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organizations.id, type: organizations.type })
      .from(organizations)
      .where(eq(organizations.id, orgId));
    if (!org) throw new DomainError('org.notFound', { field: 'orgId' });
    if (!isRoleAllowedFor(org.type, args.role)) throw new DomainError('user.roleNotAllowed', { field: 'role' });
    const token = randomBytes(32).toString('base64url');
    const email = args.email.trim().toLowerCase();
    let created: UserRow | undefined;
    try {
      // A savepoint keeps the outer transaction usable when the unique index refuses.
      [created] = await tx.transaction(async (sp) =>
        sp
          .insert(users)
          .values({
            orgId,
            email,
            name: args.name.trim(),
            phoneSealed: sealStaffPhone(args.phone),
            role: args.role,
            inviteTokenHash: hashToken(token),
            inviteExpiresAt: new Date(Date.now() + INVITE_TTL_MS),
          })
          .returning(userColumns),
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError('user.emailTaken', { field: 'email' });
      throw e;
    }
    if (!created) throw new DomainError('user.notFound');
    await writeAudit(tx, caller, {
      action: 'user.invite',
      resourceType: 'user',
      resourceId: created.id,
      orgId,
      after: { email: created.email, name: created.name, role: created.role },
    });
    return { user: present(caller.actor.userId, created), inviteToken: token };
  });

/**
 * A fresh one-time link for a user who has not set a password yet (a sign-up's first admin):
 * the token is drawn now and only its hash kept, replacing any earlier link. Answers null
 * when there is no such user (the password is set, the account disabled or gone). The
 * caller writes the audit row in the same transaction.
 */
export const issueInvite = async (tx: Tx, userId: string, now = new Date()) => {
  const token = randomBytes(32).toString('base64url');
  const [user] = await tx
    .update(users)
    .set({
      inviteTokenHash: hashToken(token),
      inviteExpiresAt: new Date(now.getTime() + INVITE_TTL_MS),
      updatedAt: now,
    })
    .where(and(eq(users.id, userId), isNull(users.passwordHash), isNull(users.disabledAt)))
    .returning({ id: users.id, orgId: users.orgId, email: users.email, name: users.name });
  return user ? { ...user, token } : null;
};

/** Organization admin: invites a user into the caller's own organization. */
export const inviteOrgUser = (db: DbOrTx, caller: Caller, args: NewUserArgs) =>
  createInvitedUser(db, caller, caller.actor.orgId, args);

/** Platform admin: creates a user in any organization. */
export const createUserForStaff = (db: DbOrTx, caller: Caller, args: NewUserArgs & { orgId: string }) =>
  createInvitedUser(db, caller, args.orgId, args);

const disable = async (db: DbOrTx, caller: Caller, userId: string, scopeOrgId: string | null) =>
  db.transaction(async (tx) => {
    const scope = scopeOrgId ? and(eq(users.id, userId), eq(users.orgId, scopeOrgId)) : eq(users.id, userId);
    const [user] = await tx.select(userColumns).from(users).where(scope).for('update');
    // Another organization's user answers exactly like a missing one.
    if (!user) throw new DomainError('user.notFound');
    if (user.id === caller.actor.userId) throw new DomainError('user.cannotDisableSelf', { field: 'userId' });
    if (user.disabledAt) throw new DomainError('user.alreadyDisabled');
    const now = new Date();
    const [updated] = await tx
      .update(users)
      // The session version rises too: the user's tokens stay refused even if the account is enabled again.
      .set({
        disabledAt: now,
        inviteTokenHash: null,
        inviteExpiresAt: null,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: now,
      })
      .where(eq(users.id, user.id))
      .returning(userColumns);
    if (!updated) throw new DomainError('user.notFound');
    await writeAudit(tx, caller, {
      action: 'user.disable',
      resourceType: 'user',
      resourceId: user.id,
      orgId: user.orgId,
      before: { disabledAt: null },
      after: { disabledAt: now.toISOString(), sessionsEnded: true },
    });
    return present(caller.actor.userId, updated);
  });

/** Organization admin: disables a user of the caller's own organization. */
export const disableOrgUser = (db: DbOrTx, caller: Caller, userId: string) =>
  disable(db, caller, userId, caller.actor.orgId);

/** Platform admin: disables any user. */
export const disableUserForStaff = (db: DbOrTx, caller: Caller, userId: string) => disable(db, caller, userId, null);

export type ListUsersArgs = { orgId: string; cursor?: string | null | undefined; limit: number };

export const listUsers = async (db: DbOrTx, caller: Caller, args: ListUsersArgs) => {
  const cursor = decodeCursor(args.cursor);
  const where: SQL[] = [eq(users.orgId, args.orgId)];
  if (cursor) where.push(afterCursor(users.createdAt, users.id, cursor));
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(and(...where))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(args.limit + 1);
  const page = toPage(rows, args.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: page.items.map((u) => present(caller.actor.userId, u)), nextCursor: page.nextCursor };
};

/** Staff only: the users of any organization. */
export const listUsersForStaff = async (db: DbOrTx, caller: Caller, args: ListUsersArgs) => {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, args.orgId));
  if (!org) throw new DomainError('org.notFound', { field: 'orgId' });
  return listUsers(db, caller, args);
};

const revealPhone = async (
  db: DbOrTx,
  caller: Caller,
  args: { userId: string; reason: string },
  scopeOrgId: string | null,
) =>
  db.transaction(async (tx) => {
    const scope = scopeOrgId ? and(eq(users.id, args.userId), eq(users.orgId, scopeOrgId)) : eq(users.id, args.userId);
    const [user] = await tx
      .select({ id: users.id, orgId: users.orgId, phoneSealed: users.phoneSealed })
      .from(users)
      .where(scope);
    // Another organization's user answers exactly like a missing one.
    if (!user) throw new DomainError('user.notFound');
    if (!user.phoneSealed) throw new DomainError('user.noPhone');
    const value = decryptPii(user.phoneSealed.enc);
    // DESIGN §5: each reveal leaves an audit row with its reason; the number itself is not logged.
    await writeAudit(tx, caller, {
      action: 'user.revealPhone',
      resourceType: 'user',
      resourceId: user.id,
      orgId: user.orgId,
      after: { field: 'phone', reason: args.reason },
    });
    return { value };
  });

/** Organization admin: a colleague's whole number, for a reason (audited). */
export const revealOrgUserPhone = (db: DbOrTx, caller: Caller, args: { userId: string; reason: string }) =>
  revealPhone(db, caller, args, caller.actor.orgId);

/** Platform admin: any user's whole number, for a reason (audited). */
export const revealUserPhoneForStaff = (db: DbOrTx, caller: Caller, args: { userId: string; reason: string }) =>
  revealPhone(db, caller, args, null);

const findInvite = async (db: DbOrTx, token: string) => {
  const [row] = await db
    .select({ id: users.id, orgId: users.orgId, email: users.email, name: users.name, orgName: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(
      and(eq(users.inviteTokenHash, hashToken(token)), gt(users.inviteExpiresAt, new Date()), isNull(users.disabledAt)),
    );
  if (!row) throw new DomainError('auth.inviteInvalid');
  return row;
};

/** Public: what an invitation link is for, so the person can check before setting a password. */
export const getInvite = async (db: DbOrTx, token: string) => {
  const { email, name, orgName } = await findInvite(db, token);
  return { email, name, orgName };
};

/** Public: the invited person sets a password; the link works once. */
export const acceptInvite = async (db: DbOrTx, meta: RequestMeta, args: { token: string; password: string }) => {
  const passwordHash = await hashPassword(args.password);
  return db.transaction(async (tx) => {
    const invite = await findInvite(tx, args.token);
    const [done] = await tx
      .update(users)
      .set({ passwordHash, inviteTokenHash: null, inviteExpiresAt: null, updatedAt: new Date() })
      // The token in the WHERE makes a second, concurrent use of the same link update nothing.
      .where(and(eq(users.id, invite.id), eq(users.inviteTokenHash, hashToken(args.token))))
      .returning({ id: users.id, email: users.email });
    if (!done) throw new DomainError('auth.inviteInvalid');
    await writeAudit(
      tx,
      { ...meta, actor: null },
      { action: 'user.acceptInvite', resourceType: 'user', resourceId: done.id, orgId: invite.orgId },
    );
    return { email: done.email };
  });
};
