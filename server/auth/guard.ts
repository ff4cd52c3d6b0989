import 'server-only';
import { redirect } from 'next/navigation';
import type { OrgType } from '@/db/enums';
import { portalOf } from './actor';
import { getCurrentActor } from './session';

/**
 * Server-side guard of a portal layout: anonymous visitors go to sign-in, a refused
 * session (disabled user, blocked organization) to sign-in with the reason, and a user
 * of another kind of organization to their own portal.
 */
export const guardPortal = async (orgType: OrgType, path: string) => {
  const lookup = await getCurrentActor();
  if (!lookup) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (!lookup.actor) redirect(`/signin?error=${encodeURIComponent(lookup.refusal)}`);
  if (lookup.actor.orgType !== orgType) redirect(portalOf(lookup.actor.orgType));
  return lookup.actor;
};
