import { CreditorCasesScreen } from '@/components/cases/creditor-cases-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-layout';

const CasesPage = async ({ searchParams }: { searchParams: Promise<{ packageId?: string }> }) => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  const { packageId } = await searchParams;
  return <CreditorCasesScreen canRecall={me.permissions.includes('packages.manage')} packageId={packageId} />;
};

export default CasesPage;
