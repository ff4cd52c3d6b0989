import { MarketScreen } from '@/components/market/market-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const MarketPage = async () => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('market.read')) return <Forbidden />;
  return <MarketScreen />;
};

export default withMessages(MarketPage, 'agency/market/page');
