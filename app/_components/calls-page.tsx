import { CallsScreen, type CallSide } from '@/components/calls/calls-screen';
import { Forbidden } from './forbidden';
import { loadPortalMe } from './portal-me';

/** The calls screen of one side: whoever reads call records there (calls.read); agencies' senders also upload. */
export const CallsPage = async ({ side }: { side: CallSide }) => {
  const me = await loadPortalMe(side === 'staff' ? 'staff' : side);
  if (!me.permissions.includes('calls.read')) return <Forbidden />;
  return <CallsScreen side={side} canUpload={side === 'agency' && me.permissions.includes('calls.write')} />;
};
