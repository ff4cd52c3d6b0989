import { SanctionList } from '@/components/sanctions/sanction-list';
import { PageTitle } from '@/components/ui/card';
import { getServerT } from '@/server/i18n/request-locale';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const AgencySanctionsPage = async () => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('sanctions.read')) return <Forbidden />;
  const t = await getServerT();
  return (
    <div className="space-y-4">
      <PageTitle title={t('sanctions.title')} subtitle={t('sanctions.subtitle.agency')} />
      <SanctionList portal="agency" />
    </div>
  );
};

export default withMessages(AgencySanctionsPage, 'agency/sanctions/page');
