import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { BLOCKED_ORG_STATUSES } from '@/lib/organizations';
import { organizations, users } from '@/db/schema';
import type { Actor } from '../../auth/actor';
import type { DomainErrorCode } from '../../errors';

export type ActorLookup = { actor: Actor; refusal: null } | { actor: null; refusal: DomainErrorCode };

/** A session as its token claims it (server/auth/session-token.ts): the user, and their session version at sign-in. */
export type SessionClaims = { userId: string; sessionVersion: number };

const userRow = (db: DbOrTx) =>
  db
    .select({
      userId: users.id,
      orgId: users.orgId,
      role: users.role,
      name: users.name,
      email: users.email,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
      orgType: organizations.type,
      orgStatus: organizations.status,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(users.id, sql.placeholder('userId')))
    .limit(1)
    .prepare('read_user');

// Every request reads its user: the statement is built once per database handle (a
// transaction, being a handle of its own, builds its own).
const prepared = new WeakMap<DbOrTx, ReturnType<typeof userRow>>();

/** The user and organization as they are now, with the user's current session version. */
export const readUser = async (
  db: DbOrTx,
  userId: string,
): Promise<(ActorLookup & { sessionVersion: number }) | null> => {
  let query = prepared.get(db);
  if (!query) {
    query = userRow(db);
    prepared.set(db, query);
  }
  const [row] = await query.execute({ userId });
  if (!row) return null;
  const { disabledAt, sessionVersion, ...actor } = row;
  if (disabledAt) return { actor: null, refusal: 'auth.accountDisabled', sessionVersion };
  if (BLOCKED_ORG_STATUSES.includes(row.orgStatus)) return { actor: null, refusal: 'auth.orgBlocked', sessionVersion };
  return { actor, refusal: null, sessionVersion };
};

/**
 * Reads the session's user afresh on every request: a disabled user or a suspended or
 * banned organization is refused on its next request, not when its token expires; so is
 * a session ended on the server (sign-out, password change, or an earlier block), whose
 * token carries an older session version than the user's.
 */
export const loadActor = async (db: DbOrTx, session: SessionClaims): Promise<ActorLookup> => {
  const found = await readUser(db, session.userId);
  if (!found) return { actor: null, refusal: 'auth.signInRequired' };
  const { sessionVersion, ...lookup } = found;
  // The account's own state speaks first: a disabled user learns why, not only that the session ended.
  if (!lookup.actor) return lookup;
  if (sessionVersion !== session.sessionVersion) return { actor: null, refusal: 'auth.sessionEnded' };
  return lookup;
};

/**
 * The user as an actor for work that is not a request of a session (a background export
 * the user queued, scripts): the account and organization are checked, no session is.
 */
export const loadUserActor = async (db: DbOrTx, userId: string): Promise<ActorLookup> => {
  const found = await readUser(db, userId);
  if (!found) return { actor: null, refusal: 'auth.signInRequired' };
  const { sessionVersion: _version, ...lookup } = found;
  return lookup;
};
