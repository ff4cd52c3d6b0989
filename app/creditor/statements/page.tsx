import { StatementsScreen } from '@/components/money/statements-screens';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const CreditorStatementsPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('statements.read')) return <Forbidden />;
  return <StatementsScreen side="creditor" canGenerate={me.permissions.includes('statements.manage')} />;
};

export default withMessages(CreditorStatementsPage, 'creditor/statements/page');
