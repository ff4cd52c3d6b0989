import 'server-only';
import { redirect } from 'next/navigation';
import type { OrgType } from '@/lib/enums';
import { portalOf } from './actor';
import { getCurrentActor } from './session';

/**
 * Server-side guard of a portal layout: anonymous visitors go to sign-in, a refused
 * session (disabled user, blocked organization) to sign-in with the reason, and a user
 * of another kind of organization to their own portal, and an applicant to its application.
 */
export const guardPortal = async (orgTypes: readonly OrgType[], path: string) => {
  const lookup = await getCurrentActor();
  if (!lookup) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (!lookup.actor) redirect(`/signin?error=${encodeURIComponent(lookup.refusal)}`);
  const home = portalOf(lookup.actor.orgType, lookup.actor.orgStatus);
  if (!orgTypes.includes(lookup.actor.orgType)) redirect(home);
  // Until admitted, an organization's users see only their application.
  if (home === '/apply' && path !== '/apply') redirect(home);
  return lookup.actor;
};
