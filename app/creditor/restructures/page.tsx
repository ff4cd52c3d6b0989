import { CreditorRestructures } from '@/components/work/creditor-restructures';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const RestructuresPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  return <CreditorRestructures canDecide={me.permissions.includes('packages.manage')} />;
};

export default withMessages(RestructuresPage, 'creditor/restructures/page');
