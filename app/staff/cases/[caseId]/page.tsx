import { CaseRecordScreen } from '@/components/work/case-record-screen';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const StaffCasePage = async ({ params }: { params: Promise<{ caseId: string }> }) => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('cases.record')) return <Forbidden />;
  return <CaseRecordScreen caseId={(await params).caseId} isStaff />;
};

export default withMessages(StaffCasePage, 'staff/cases/[caseId]/page');
