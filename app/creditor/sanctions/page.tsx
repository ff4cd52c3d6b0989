import { CreditorSanctionsScreen } from '@/components/sanctions/creditor-sanctions';
import { PageTitle } from '@/components/ui/card';
import { getServerT } from '@/server/i18n/request-locale';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const CreditorSanctionsPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('sanctions.read')) return <Forbidden />;
  const t = await getServerT();
  return (
    <div className="space-y-4">
      <PageTitle title={t('sanctions.title')} subtitle={t('sanctions.subtitle.creditor')} />
      <CreditorSanctionsScreen canFreeze={me.permissions.includes('sanctions.freeze')} />
    </div>
  );
};

export default withMessages(CreditorSanctionsPage, 'creditor/sanctions/page');
