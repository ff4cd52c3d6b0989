import { ComplaintList } from '@/components/complaints/complaint-list';
import { complaintsInput } from '@/components/complaints/queries';
import { pagedFresh } from '@/components/trpc/paging';
import { prefetch, serverTrpc } from '@/server/api/server-query';
import { Hydrate } from '../../_components/hydrate';
import { OrgComplaintForm } from '@/components/complaints/org-complaint-form';
import { PageTitle } from '@/components/ui/card';
import { getServerT } from '@/server/i18n/request-locale';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const CreditorComplaintsPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('complaints.read')) return <Forbidden />;
  const t = await getServerT();
  await prefetch(serverTrpc.complaints.list.infiniteQueryOptions(complaintsInput(), pagedFresh));
  return (
    <div className="space-y-4">
      <PageTitle title={t('complaints.title')} subtitle={t('complaints.subtitle.creditor')} />
      {me.permissions.includes('complaints.file') ? <OrgComplaintForm portal="creditor" /> : null}
      <Hydrate>
        <ComplaintList portal="creditor" />
      </Hydrate>
    </div>
  );
};

export default withMessages(CreditorComplaintsPage, 'creditor/complaints/page');
