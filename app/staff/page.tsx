import { StaffOverviewPanel } from '@/components/staff/staff-overview';
import { OrgOverview } from '../_components/org-overview';
import { withMessages } from '../_components/with-messages';

const HomePage = () => (
  <OrgOverview portal="staff">
    <StaffOverviewPanel />
  </OrgOverview>
);

export default withMessages(HomePage, 'staff/page');
