import { WebhooksPage } from '../../_components/webhooks-page';
import { withMessages } from '../../_components/with-messages';

const Page = () => <WebhooksPage portal="agency" />;

export default withMessages(Page, 'agency/webhooks/page');
