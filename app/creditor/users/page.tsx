import { UsersPage } from '../../_components/users-page';

const Page = () => <UsersPage portal="creditor" />;

export default Page;
