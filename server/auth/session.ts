import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { loadActor, type ActorLookup } from '../domain/auth/load-actor';
import { sessionUserIdFromCookies } from './session-token';

/** The user the request's session cookie names, or null (no cookie, invalid or expired token). See session-token.ts. */
export const getSessionUserId = async (): Promise<string | null> => sessionUserIdFromCookies(await cookies());

/** The signed-in actor for this request, read from the database (once per request). */
export const getCurrentActor = cache(async (): Promise<ActorLookup | null> => {
  const userId = await getSessionUserId();
  return userId ? loadActor(getDb(), userId) : null;
});
