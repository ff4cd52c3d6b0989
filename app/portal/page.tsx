import { redirect } from 'next/navigation';
import { portalOf } from '@/server/auth/actor';
import { getCurrentActor } from '@/server/auth/session';
import { withMessages } from '../_components/with-messages';

/** After sign-in: each user goes to the portal of their kind of organization. */
const PortalRedirect = async () => {
  const lookup = await getCurrentActor();
  if (!lookup) redirect('/signin');
  if (!lookup.actor) redirect(`/signin?error=${encodeURIComponent(lookup.refusal)}`);
  redirect(portalOf(lookup.actor.orgType, lookup.actor.orgStatus));
};

export default withMessages(PortalRedirect, 'portal/page');
