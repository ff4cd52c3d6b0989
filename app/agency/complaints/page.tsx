import { ComplaintList } from '@/components/complaints/complaint-list';
import { complaintsInput } from '@/components/complaints/queries';
import { pagedFresh } from '@/components/trpc/paging';
import { prefetch, serverTrpc } from '@/server/api/server-query';
import { Hydrate } from '../../_components/hydrate';
import { PageTitle } from '@/components/ui/card';
import { getServerT } from '@/server/i18n/request-locale';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const AgencyComplaintsPage = async () => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('complaints.read')) return <Forbidden />;
  const t = await getServerT();
  await prefetch(serverTrpc.complaints.list.infiniteQueryOptions(complaintsInput(), pagedFresh));
  return (
    <div className="space-y-4">
      <PageTitle title={t('complaints.title')} subtitle={t('complaints.subtitle.agency')} />
      <Hydrate>
        <ComplaintList portal="agency" />
      </Hydrate>
    </div>
  );
};

export default withMessages(AgencyComplaintsPage, 'agency/complaints/page');
