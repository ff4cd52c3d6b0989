import { OrgOverview } from '../_components/org-overview';

const HomePage = () => <OrgOverview portal="agency" />;

export default HomePage;
