import { StaffCreditorScorecard } from '@/components/scorecards/creditor-scorecard-screens';
import { MONTH_PATTERN } from '@/lib/months';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const StaffCreditorScorecardPage = async ({
  params,
  searchParams,
}: {
  params: Promise<{ creditorId: string }>;
  searchParams: Promise<{ month?: string }>;
}) => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('scorecards.read')) return <Forbidden />;
  const { month } = await searchParams;
  return (
    <StaffCreditorScorecard
      creditorId={(await params).creditorId}
      initialMonth={month && MONTH_PATTERN.test(month) ? month : null}
    />
  );
};

export default withMessages(StaffCreditorScorecardPage, 'staff/creditor-scorecards/[creditorId]/page');
