import { UsersPage } from '../../_components/users-page';
import { withMessages } from '../../_components/with-messages';

const Page = () => <UsersPage portal="creditor" />;

export default withMessages(Page, 'creditor/users/page');
