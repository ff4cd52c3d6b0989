import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-layout';
import { QueueScreen } from '@/components/review/queue-screen';

const AdmissionQueuePage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('admission.review')) return <Forbidden />;
  return <QueueScreen />;
};

export default AdmissionQueuePage;
