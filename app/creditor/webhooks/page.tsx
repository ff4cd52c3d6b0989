import { WebhooksPage } from '../../_components/webhooks-page';
import { withMessages } from '../../_components/with-messages';

const Page = () => <WebhooksPage portal="creditor" />;

export default withMessages(Page, 'creditor/webhooks/page');
