import { InspectScreen } from '@/components/inspections/inspect-screen';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const AgencyInspectPage = async ({ params }: { params: Promise<{ recordId: string }> }) => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('inspections.perform')) return <Forbidden />;
  return <InspectScreen recordId={(await params).recordId} portal="agency" />;
};

export default withMessages(AgencyInspectPage, 'agency/inspections/[recordId]/page');
