import { MarketPackageScreen } from '@/components/market/market-package';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const MarketPackagePage = async ({ params }: { params: Promise<{ packageId: string }> }) => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('market.read')) return <Forbidden />;
  return <MarketPackageScreen packageId={(await params).packageId} canBid={me.permissions.includes('market.bid')} />;
};

export default withMessages(MarketPackagePage, 'agency/market/[packageId]/page');
