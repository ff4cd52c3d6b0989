import type { OrgType } from '@/lib/enums';
import { getServerCaller } from '@/server/api/server-caller';
import { guardPortal } from '@/server/auth/guard';
import type { Portal } from './portal-shell';

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
