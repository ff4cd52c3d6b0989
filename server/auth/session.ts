import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { loadActor, type ActorLookup, type SessionClaims } from '../domain/auth/load-actor';
import { sessionFromCookies } from './session-token';

/** The session the request's cookie claims, or null (no cookie, invalid or expired token). See session-token.ts. */
export const getSession = async (): Promise<SessionClaims | null> => sessionFromCookies(await cookies());

/** The signed-in actor for this request, read from the database (once per request). */
export const getCurrentActor = cache(async (): Promise<ActorLookup | null> => {
  const session = await getSession();
  return session ? loadActor(getDb(), session) : null;
});
