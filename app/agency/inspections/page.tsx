import { InspectionsScreen } from '@/components/inspections/inspections-screen';
import { PageTitle } from '@/components/ui/card';
import { getServerT } from '@/server/i18n/request-locale';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const AgencyInspectionsPage = async () => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('inspections.perform')) return <Forbidden />;
  const t = await getServerT();
  return (
    <div className="space-y-4">
      <PageTitle title={t('inspections.title')} subtitle={t('inspections.subtitle.agency')} />
      <InspectionsScreen portal="agency" />
    </div>
  );
};

export default withMessages(AgencyInspectionsPage, 'agency/inspections/page');
