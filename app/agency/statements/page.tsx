import { StatementsScreen } from '@/components/money/statements-screens';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-layout';

const AgencyStatementsPage = async () => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('statements.read')) return <Forbidden />;
  return <StatementsScreen side="agency" canGenerate={false} />;
};

export default AgencyStatementsPage;
