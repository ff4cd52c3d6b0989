import { OrgOverview } from '../_components/org-overview';

const HomePage = () => <OrgOverview portal="creditor" />;

export default HomePage;
