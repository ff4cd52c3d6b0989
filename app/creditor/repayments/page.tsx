import { CreditorRepaymentsScreen } from '@/components/money/creditor-repayments';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const RepaymentsPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  return <CreditorRepaymentsScreen canDecide={me.permissions.includes('repayments.decide')} />;
};

export default withMessages(RepaymentsPage, 'creditor/repayments/page');
