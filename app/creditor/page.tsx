import { OrgOverview } from '../_components/org-overview';
import { withMessages } from '../_components/with-messages';

const HomePage = () => <OrgOverview portal="creditor" />;

export default withMessages(HomePage, 'creditor/page');
