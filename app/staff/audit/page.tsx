import { Forbidden } from '../../_components/forbidden';
import { AuditScreen } from '@/components/staff/audit-screen';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const AuditPage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('staff.audit.read')) return <Forbidden />;
  return <AuditScreen />;
};

export default withMessages(AuditPage, 'staff/audit/page');
