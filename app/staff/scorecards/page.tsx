import { StaffScorecards } from '@/components/scorecards/staff-scorecards';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const StaffScorecardsPage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('scorecards.read')) return <Forbidden />;
  return <StaffScorecards canCompute={me.permissions.includes('scorecards.compute')} />;
};

export default withMessages(StaffScorecardsPage, 'staff/scorecards/page');
