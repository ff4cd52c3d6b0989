import type { ReactNode } from 'react';
import type { OrgType } from '@/lib/enums';
import { getServerCaller } from '@/server/api/server-caller';
import { guardPortal } from '@/server/auth/guard';
import { PortalShell, type Portal } from './portal-shell';
import { WithMessages } from './with-messages';

const ORG_TYPES_OF: Record<Portal, readonly OrgType[]> = {
  creditor: ['creditor'],
  agency: ['agency'],
  staff: ['platform'],
  apply: ['creditor', 'agency'],
};

/**
 * The portal's guard and the signed-in user's profile. Layouts and pages render in
 * parallel, so every page calls this too: the redirect happens before any procedure runs.
 */
export const loadPortalMe = async (portal: Portal) => {
  await guardPortal(ORG_TYPES_OF[portal], `/${portal}`);
  return (await getServerCaller()).me.get();
};

/** Each portal's layout: the role check runs on the server before anything renders. */
export const PortalLayout = async ({ portal, children }: { portal: Portal; children: ReactNode }) => {
  const me = await loadPortalMe(portal);
  return (
    <WithMessages scope={portal}>
      <PortalShell portal={portal} me={me}>
        {children}
      </PortalShell>
    </WithMessages>
  );
};
