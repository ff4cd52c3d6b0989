import { RecoveryDashboard } from '@/components/money/recovery-dashboard';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const DashboardPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  return <RecoveryDashboard />;
};

export default withMessages(DashboardPage, 'creditor/dashboard/page');
