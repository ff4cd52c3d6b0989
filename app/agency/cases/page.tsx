import { AgencyCasesScreen } from '@/components/cases/agency-cases-screen';
import { agencyCasesInput, agencyUsersInput } from '@/components/cases/queries';
import { pagedFresh } from '@/components/trpc/paging';
import { collectorQueueInput } from '@/components/work/queries';
import { prefetch, serverTrpc } from '@/server/api/server-query';
import { Hydrate } from '../../_components/hydrate';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const AgencyCasesPage = async () => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('cases.work')) return <Forbidden />;
  const canAssign = me.permissions.includes('cases.assign');
  // Admins and supervisors get every commissioned case and the collectors; a collector their queue.
  await (canAssign
    ? prefetch(
        serverTrpc.cases.agency.list.infiniteQueryOptions(agencyCasesInput(), pagedFresh),
        serverTrpc.org.users.list.queryOptions(agencyUsersInput),
      )
    : prefetch(serverTrpc.work.queue.infiniteQueryOptions(collectorQueueInput(), pagedFresh)));
  return (
    <Hydrate>
      <AgencyCasesScreen canAssign={canAssign} />
    </Hydrate>
  );
};

export default withMessages(AgencyCasesPage, 'agency/cases/page');
