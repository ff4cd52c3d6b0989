import { Forbidden } from '../../_components/forbidden';
import { AuditScreen } from '@/components/staff/audit-screen';
import { loadPortalMe } from '../../_components/portal-layout';

const AuditPage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('staff.audit.read')) return <Forbidden />;
  return <AuditScreen />;
};

export default AuditPage;
