import { AgencyMoneyScreen } from '@/components/money/agency-money';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const AgencyMoneyPage = async () => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('statements.read')) return <Forbidden />;
  return <AgencyMoneyScreen />;
};

export default withMessages(AgencyMoneyPage, 'agency/money/page');
