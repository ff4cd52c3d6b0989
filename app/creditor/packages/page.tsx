import { PackagesScreen } from '@/components/packages/packages-screen';
import { packagesInput } from '@/components/packages/queries';
import { pagedFresh } from '@/components/trpc/paging';
import { prefetch, serverTrpc } from '@/server/api/server-query';
import { Hydrate } from '../../_components/hydrate';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const PackagesPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  await prefetch(serverTrpc.packages.list.infiniteQueryOptions(packagesInput(), pagedFresh));
  return (
    <Hydrate>
      <PackagesScreen canManage={me.permissions.includes('packages.manage')} />
    </Hydrate>
  );
};

export default withMessages(PackagesPage, 'creditor/packages/page');
