import { SanctionList } from '@/components/sanctions/sanction-list';
import { PageTitle } from '@/components/ui/card';
import { getServerT } from '@/server/i18n/request-locale';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const StaffSanctionsPage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('sanctions.read')) return <Forbidden />;
  const t = await getServerT();
  return (
    <div className="space-y-4">
      <PageTitle title={t('sanctions.title')} subtitle={t('sanctions.subtitle.staff')} />
      <SanctionList portal="staff" />
    </div>
  );
};

export default withMessages(StaffSanctionsPage, 'staff/sanctions/page');
