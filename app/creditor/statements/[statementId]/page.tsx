import { StatementScreen } from '@/components/money/statements-screens';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const CreditorStatementPage = async ({ params }: { params: Promise<{ statementId: string }> }) => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('statements.read')) return <Forbidden />;
  return (
    <StatementScreen
      side="creditor"
      statementId={(await params).statementId}
      canAgree={me.permissions.includes('statements.agree')}
      canPay={me.permissions.includes('statements.manage')}
    />
  );
};

export default withMessages(CreditorStatementPage, 'creditor/statements/[statementId]/page');
