import { StaffOverviewPanel } from '@/components/staff/staff-overview';
import { OrgOverview } from '../_components/org-overview';

const HomePage = () => (
  <OrgOverview portal="staff">
    <StaffOverviewPanel />
  </OrgOverview>
);

export default HomePage;
