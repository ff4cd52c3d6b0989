import { UsersPage } from '../../_components/users-page';

const Page = () => <UsersPage portal="agency" />;

export default Page;
