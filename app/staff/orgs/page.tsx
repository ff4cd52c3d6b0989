import { Forbidden } from '../../_components/forbidden';
import { OrgsScreen } from '@/components/staff/orgs-screen';
import { orgsInput } from '@/components/staff/queries';
import { paged } from '@/components/trpc/paging';
import { prefetch, serverTrpc } from '@/server/api/server-query';
import { Hydrate } from '../../_components/hydrate';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const OrgsPage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('staff.orgs.read')) return <Forbidden />;
  await prefetch(serverTrpc.staff.orgs.list.infiniteQueryOptions(orgsInput(), paged));
  return (
    <Hydrate>
      <OrgsScreen canRegister={me.permissions.includes('staff.orgs.create')} />
    </Hydrate>
  );
};

export default withMessages(OrgsPage, 'staff/orgs/page');
