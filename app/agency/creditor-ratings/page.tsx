import { CreditorRatingsScreen } from '@/components/scorecards/creditor-ratings-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const CreditorRatingsPage = async () => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('scorecards.read')) return <Forbidden />;
  return <CreditorRatingsScreen canManage={me.permissions.includes('scorecards.rateCreditor')} />;
};

export default withMessages(CreditorRatingsPage, 'agency/creditor-ratings/page');
