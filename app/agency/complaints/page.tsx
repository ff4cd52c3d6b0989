import { ComplaintList } from '@/components/complaints/complaint-list';
import { PageTitle } from '@/components/ui/card';
import { getServerT } from '@/server/i18n/request-locale';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-layout';

const AgencyComplaintsPage = async () => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('complaints.read')) return <Forbidden />;
  const t = await getServerT();
  return (
    <div className="space-y-4">
      <PageTitle title={t('complaints.title')} subtitle={t('complaints.subtitle.agency')} />
      <ComplaintList portal="agency" />
    </div>
  );
};

export default AgencyComplaintsPage;
