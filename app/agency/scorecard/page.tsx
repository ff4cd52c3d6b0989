import { AgencyScorecard } from '@/components/scorecards/agency-scorecard';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const AgencyScorecardPage = async () => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('scorecards.read')) return <Forbidden />;
  return <AgencyScorecard />;
};

export default withMessages(AgencyScorecardPage, 'agency/scorecard/page');
