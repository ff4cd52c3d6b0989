import { AgencyScorecardScreen } from '@/components/scorecards/agency-scorecard-screen';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const CreditorAgencyScorecardPage = async ({ params }: { params: Promise<{ agencyId: string }> }) => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('scorecards.read')) return <Forbidden />;
  return <AgencyScorecardScreen agencyId={(await params).agencyId} />;
};

export default withMessages(CreditorAgencyScorecardPage, 'creditor/scorecards/[agencyId]/page');
