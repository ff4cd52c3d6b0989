import { ComplaintDetailScreen } from '@/components/complaints/complaint-detail';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const StaffComplaintPage = async ({ params }: { params: Promise<{ complaintId: string }> }) => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('complaints.read')) return <Forbidden />;
  return (
    <ComplaintDetailScreen
      complaintId={(await params).complaintId}
      portal="staff"
      canHandle={me.permissions.includes('complaints.handle')}
      canRespond={me.permissions.includes('complaints.respond')}
      canSanction={me.permissions.includes('sanctions.manage')}
    />
  );
};

export default withMessages(StaffComplaintPage, 'staff/complaints/[complaintId]/page');
