import { ApiKeysPage } from '../../_components/api-keys-page';
import { withMessages } from '../../_components/with-messages';

const Page = () => <ApiKeysPage portal="agency" />;

export default withMessages(Page, 'agency/api/page');
