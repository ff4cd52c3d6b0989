import { ComplaintList } from '@/components/complaints/complaint-list';
import { OrgComplaintForm } from '@/components/complaints/org-complaint-form';
import { PageTitle } from '@/components/ui/card';
import { getServerT } from '@/server/i18n/request-locale';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-layout';

const CreditorComplaintsPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('complaints.read')) return <Forbidden />;
  const t = await getServerT();
  return (
    <div className="space-y-4">
      <PageTitle title={t('complaints.title')} subtitle={t('complaints.subtitle.creditor')} />
      {me.permissions.includes('complaints.file') ? <OrgComplaintForm portal="creditor" /> : null}
      <ComplaintList portal="creditor" />
    </div>
  );
};

export default CreditorComplaintsPage;
