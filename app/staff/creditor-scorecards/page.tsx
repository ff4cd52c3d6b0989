import { StaffCreditorScorecards } from '@/components/scorecards/staff-creditor-scorecards';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const StaffCreditorScorecardsPage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('scorecards.read')) return <Forbidden />;
  return <StaffCreditorScorecards canCompute={me.permissions.includes('scorecards.compute')} />;
};

export default withMessages(StaffCreditorScorecardsPage, 'staff/creditor-scorecards/page');
