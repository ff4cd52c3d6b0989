import { OrgOverview } from '../_components/org-overview';

const HomePage = () => <OrgOverview portal="staff" />;

export default HomePage;
