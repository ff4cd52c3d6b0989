import { StatementScreen } from '@/components/money/statements-screens';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const AgencyStatementPage = async ({ params }: { params: Promise<{ statementId: string }> }) => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('statements.read')) return <Forbidden />;
  return (
    <StatementScreen
      side="agency"
      statementId={(await params).statementId}
      canAgree={me.permissions.includes('statements.agree')}
      canPay={false}
    />
  );
};

export default withMessages(AgencyStatementPage, 'agency/statements/[statementId]/page');
