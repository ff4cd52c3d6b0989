import { AgencyScorecardScreen } from '@/components/scorecards/agency-scorecard-screen';
import { MONTH_PATTERN } from '@/lib/months';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const StaffAgencyScorecardPage = async ({
  params,
  searchParams,
}: {
  params: Promise<{ agencyId: string }>;
  searchParams: Promise<{ month?: string }>;
}) => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('scorecards.read')) return <Forbidden />;
  const { month } = await searchParams;
  return (
    <AgencyScorecardScreen
      agencyId={(await params).agencyId}
      initialMonth={month && MONTH_PATTERN.test(month) ? month : null}
    />
  );
};

export default withMessages(StaffAgencyScorecardPage, 'staff/scorecards/[agencyId]/page');
