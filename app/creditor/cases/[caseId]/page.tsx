import { CaseRecordScreen } from '@/components/work/case-record-screen';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const CreditorCasePage = async ({ params }: { params: Promise<{ caseId: string }> }) => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.record')) return <Forbidden />;
  return (
    <CaseRecordScreen
      caseId={(await params).caseId}
      isStaff={false}
      canClose={me.permissions.includes('cases.close')}
    />
  );
};

export default withMessages(CreditorCasePage, 'creditor/cases/[caseId]/page');
