import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { QueueScreen } from '@/components/review/queue-screen';
import { withMessages } from '../../_components/with-messages';

const AdmissionQueuePage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('admission.review')) return <Forbidden />;
  return <QueueScreen />;
};

export default withMessages(AdmissionQueuePage, 'staff/admission/page');
