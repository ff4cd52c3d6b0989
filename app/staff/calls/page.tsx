import { CallsPage } from '../../_components/calls-page';
import { withMessages } from '../../_components/with-messages';

const Page = () => <CallsPage side="staff" />;

export default withMessages(Page, 'staff/calls/page');
