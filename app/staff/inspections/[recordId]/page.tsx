import { InspectScreen } from '@/components/inspections/inspect-screen';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const StaffInspectPage = async ({ params }: { params: Promise<{ recordId: string }> }) => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('inspections.perform')) return <Forbidden />;
  return <InspectScreen recordId={(await params).recordId} portal="staff" />;
};

export default withMessages(StaffInspectPage, 'staff/inspections/[recordId]/page');
