import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { BLOCKED_ORG_STATUSES } from '@/db/enums';
import { organizations, users } from '@/db/schema';
import type { Actor } from '../../auth/actor';
import type { DomainErrorCode } from '../../errors';

export type ActorLookup = { actor: Actor; refusal: null } | { actor: null; refusal: DomainErrorCode };

/**
 * Reads the session's user afresh on every request: a disabled user or a suspended or
 * banned organization is refused on its next request, not when its token expires.
 */
export const loadActor = async (db: DbOrTx, userId: string): Promise<ActorLookup> => {
  const [row] = await db
    .select({
      userId: users.id,
      orgId: users.orgId,
      role: users.role,
      name: users.name,
      email: users.email,
      disabledAt: users.disabledAt,
      orgType: organizations.type,
      orgStatus: organizations.status,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return { actor: null, refusal: 'auth.signInRequired' };
  if (row.disabledAt) return { actor: null, refusal: 'auth.accountDisabled' };
  if (BLOCKED_ORG_STATUSES.includes(row.orgStatus)) return { actor: null, refusal: 'auth.orgBlocked' };
  const { disabledAt: _disabled, ...actor } = row;
  return { actor, refusal: null };
};
