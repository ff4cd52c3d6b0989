import { Forbidden } from '../../_components/forbidden';
import { OrgsScreen } from '@/components/staff/orgs-screen';
import { loadPortalMe } from '../../_components/portal-layout';

const OrgsPage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('staff.orgs.read')) return <Forbidden />;
  return <OrgsScreen canRegister={me.permissions.includes('staff.orgs.create')} />;
};

export default OrgsPage;
