import { CallsPage } from '../../_components/calls-page';
import { withMessages } from '../../_components/with-messages';

const Page = () => <CallsPage side="creditor" />;

export default withMessages(Page, 'creditor/calls/page');
