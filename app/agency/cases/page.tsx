import { AgencyCasesScreen } from '@/components/cases/agency-cases-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-layout';

const AgencyCasesPage = async () => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('cases.work')) return <Forbidden />;
  return <AgencyCasesScreen canAssign={me.permissions.includes('cases.assign')} />;
};

export default AgencyCasesPage;
