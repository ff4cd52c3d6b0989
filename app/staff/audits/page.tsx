import { AuditListScreen } from '@/components/audits/audit-list-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const StaffAuditsPage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('audits.read')) return <Forbidden />;
  return <AuditListScreen canManage={me.permissions.includes('audits.manage')} />;
};

export default withMessages(StaffAuditsPage, 'staff/audits/page');
