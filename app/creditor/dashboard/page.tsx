import { RecoveryDashboard } from '@/components/money/recovery-dashboard';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-layout';

const DashboardPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  return <RecoveryDashboard />;
};

export default DashboardPage;
