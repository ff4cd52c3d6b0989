import type { ReactNode } from 'react';
import { loadPortalMe } from './portal-me';
import { PortalShell, type Portal } from './portal-shell';
import { WithMessages } from './with-messages';

/** Each portal's layout: the role check runs on the server before anything renders. */
export const PortalLayout = async ({ portal, children }: { portal: Portal; children: ReactNode }) => {
  const me = await loadPortalMe(portal);
  return (
    <WithMessages scope={`${portal}/layout`}>
      <PortalShell portal={portal} me={me}>
        {children}
      </PortalShell>
    </WithMessages>
  );
};
