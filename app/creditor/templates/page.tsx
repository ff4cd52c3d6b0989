import { CreditorTemplatesScreen } from '@/components/work/templates-screens';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const CreditorTemplatesPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  return <CreditorTemplatesScreen canDecide={me.permissions.includes('packages.manage')} />;
};

export default withMessages(CreditorTemplatesPage, 'creditor/templates/page');
