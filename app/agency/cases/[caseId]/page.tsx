import { CaseWorkScreen } from '@/components/work/case-work-screen';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const CaseWorkPage = async ({ params }: { params: Promise<{ caseId: string }> }) => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('cases.work')) return <Forbidden />;
  return <CaseWorkScreen caseId={(await params).caseId} />;
};

export default withMessages(CaseWorkPage, 'agency/cases/[caseId]/page');
