import { CallScreen } from '@/components/calls/call-screen';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const CallPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('calls.read')) return <Forbidden />;
  return <CallScreen recordId={(await params).id} portal="staff" />;
};

export default withMessages(CallPage, 'staff/calls/[id]/page');
