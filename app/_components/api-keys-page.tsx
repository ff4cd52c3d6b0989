import { ApiKeysScreen } from '@/components/api-keys/api-keys-screen';
import { loadPortalMe } from './portal-me';
import { Forbidden } from './forbidden';

/** The API keys screen of a creditor's or an agency's portal: its admins only. */
export const ApiKeysPage = async ({ portal }: { portal: 'creditor' | 'agency' }) => {
  const me = await loadPortalMe(portal);
  if (!me.permissions.includes('org.apiKeys.manage')) return <Forbidden />;
  return <ApiKeysScreen orgType={portal} />;
};
