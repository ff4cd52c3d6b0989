import { SanctionDetailScreen } from '@/components/sanctions/sanction-detail';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const StaffSanctionPage = async ({ params }: { params: Promise<{ sanctionId: string }> }) => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('sanctions.read')) return <Forbidden />;
  return (
    <SanctionDetailScreen
      sanctionId={(await params).sanctionId}
      portal="staff"
      canManage={me.permissions.includes('sanctions.manage')}
      canDecideAppeal={me.permissions.includes('sanctions.decideAppeal')}
      canAppeal={false}
    />
  );
};

export default withMessages(StaffSanctionPage, 'staff/sanctions/[sanctionId]/page');
