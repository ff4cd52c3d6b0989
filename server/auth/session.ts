import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { getDb } from '@/db/client';
import { loadActor, type ActorLookup } from '../domain/auth/load-actor';
import { authOptions } from './options';

export const getSessionUserId = async (): Promise<string | null> => {
  const session = await getServerSession(authOptions);
  return session?.user?.id ?? null;
};

/** The signed-in actor for this request, read from the database (once per request). */
export const getCurrentActor = cache(async (): Promise<ActorLookup | null> => {
  const userId = await getSessionUserId();
  return userId ? loadActor(getDb(), userId) : null;
});
