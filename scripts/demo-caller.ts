import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import type { Caller } from '../server/auth/actor';
import { loadUserActor } from '../server/domain/auth/load-actor';

/** A demo user acting through the domain, as the app's session would make them. */
export const callerFor = async (db: Db, email: string): Promise<Caller> => {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`demo user ${email} missing`);
  const { actor } = await loadUserActor(db, user.id);
  if (!actor) throw new Error(`demo user ${email} cannot act`);
  return { actor, ip: null, userAgent: 'demo seed' };
};
