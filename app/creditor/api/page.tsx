import { ApiKeysPage } from '../../_components/api-keys-page';
import { withMessages } from '../../_components/with-messages';

const Page = () => <ApiKeysPage portal="creditor" />;

export default withMessages(Page, 'creditor/api/page');
