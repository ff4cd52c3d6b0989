import { RatingsScreen } from '@/components/scorecards/ratings-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const CreditorRatingsPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('scorecards.read')) return <Forbidden />;
  return <RatingsScreen canManage={me.permissions.includes('scorecards.rate')} />;
};

export default withMessages(CreditorRatingsPage, 'creditor/ratings/page');
