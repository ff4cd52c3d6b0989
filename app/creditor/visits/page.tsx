import { VisitListScreen } from '@/components/work/visit-list-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const CreditorVisitsPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.record')) return <Forbidden />;
  return <VisitListScreen isStaff={false} />;
};

export default withMessages(CreditorVisitsPage, 'creditor/visits/page');
