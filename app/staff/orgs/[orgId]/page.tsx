import { notFound } from 'next/navigation';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { OrgDetailScreen } from '@/components/staff/org-detail-screen';
import { withMessages } from '../../../_components/with-messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const OrgDetailPage = async ({ params }: { params: Promise<{ orgId: string }> }) => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('staff.orgs.read')) return <Forbidden />;
  const { orgId } = await params;
  if (!UUID.test(orgId)) notFound();
  return (
    <OrgDetailScreen
      orgId={orgId}
      canSetStatus={me.permissions.includes('staff.orgs.setStatus')}
      canManageUsers={me.permissions.includes('staff.users.manage')}
    />
  );
};

export default withMessages(OrgDetailPage, 'staff/orgs/[orgId]/page');
