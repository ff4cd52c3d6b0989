import { OrgOverview } from '../_components/org-overview';
import { withMessages } from '../_components/with-messages';

const HomePage = () => <OrgOverview portal="agency" />;

export default withMessages(HomePage, 'agency/page');
