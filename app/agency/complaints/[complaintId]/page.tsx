import { ComplaintDetailScreen } from '@/components/complaints/complaint-detail';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const AgencyComplaintPage = async ({ params }: { params: Promise<{ complaintId: string }> }) => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('complaints.read')) return <Forbidden />;
  return (
    <ComplaintDetailScreen
      complaintId={(await params).complaintId}
      portal="agency"
      canHandle={me.permissions.includes('complaints.handle')}
      canRespond={me.permissions.includes('complaints.respond')}
    />
  );
};

export default withMessages(AgencyComplaintPage, 'agency/complaints/[complaintId]/page');
