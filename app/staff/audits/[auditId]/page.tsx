import { AuditScreen } from '@/components/audits/audit-screen';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const StaffAuditPage = async ({ params }: { params: Promise<{ auditId: string }> }) => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('audits.read')) return <Forbidden />;
  return <AuditScreen auditId={(await params).auditId} canManage={me.permissions.includes('audits.manage')} />;
};

export default withMessages(StaffAuditPage, 'staff/audits/[auditId]/page');
