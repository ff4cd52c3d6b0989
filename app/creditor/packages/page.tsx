import { PackagesScreen } from '@/components/packages/packages-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-layout';

const PackagesPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  return <PackagesScreen canManage={me.permissions.includes('packages.manage')} />;
};

export default PackagesPage;
