import { SanctionDetailScreen } from '@/components/sanctions/sanction-detail';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const AgencySanctionPage = async ({ params }: { params: Promise<{ sanctionId: string }> }) => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('sanctions.read')) return <Forbidden />;
  return (
    <SanctionDetailScreen
      sanctionId={(await params).sanctionId}
      portal="agency"
      canManage={false}
      canDecideAppeal={false}
      canAppeal={me.permissions.includes('sanctions.appeal')}
    />
  );
};

export default withMessages(AgencySanctionPage, 'agency/sanctions/[sanctionId]/page');
