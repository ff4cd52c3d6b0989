import { OwnCreditorScorecard } from '@/components/scorecards/creditor-scorecard-screens';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const CreditorScorecardPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('scorecards.read')) return <Forbidden />;
  return <OwnCreditorScorecard />;
};

export default withMessages(CreditorScorecardPage, 'creditor/scorecard/page');
