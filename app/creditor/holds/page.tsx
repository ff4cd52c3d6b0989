import { CreditorHolds } from '@/components/work/creditor-holds';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const HoldsPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  return <CreditorHolds />;
};

export default withMessages(HoldsPage, 'creditor/holds/page');
