import { CallsPage } from '../../_components/calls-page';
import { withMessages } from '../../_components/with-messages';

const Page = () => <CallsPage side="agency" />;

export default withMessages(Page, 'agency/calls/page');
