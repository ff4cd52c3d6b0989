import { UsersPage } from '../../_components/users-page';

const Page = () => <UsersPage portal="staff" />;

export default Page;
