import { VisitListScreen } from '@/components/work/visit-list-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const StaffVisitsPage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('cases.record')) return <Forbidden />;
  return <VisitListScreen isStaff />;
};

export default withMessages(StaffVisitsPage, 'staff/visits/page');
