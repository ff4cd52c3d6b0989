import { ActivityScreen } from '@/components/work/activity-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const ActivityPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  return <ActivityScreen />;
};

export default withMessages(ActivityPage, 'creditor/activity/page');
