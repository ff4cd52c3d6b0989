import { UsersPage } from '../../_components/users-page';
import { withMessages } from '../../_components/with-messages';

const Page = () => <UsersPage portal="staff" />;

export default withMessages(Page, 'staff/users/page');
