import { UsersPage } from '../../_components/users-page';
import { withMessages } from '../../_components/with-messages';

const Page = () => <UsersPage portal="agency" />;

export default withMessages(Page, 'agency/users/page');
