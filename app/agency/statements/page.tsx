import { StatementsScreen } from '@/components/money/statements-screens';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const AgencyStatementsPage = async () => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('statements.read')) return <Forbidden />;
  return <StatementsScreen side="agency" canGenerate={false} />;
};

export default withMessages(AgencyStatementsPage, 'agency/statements/page');
