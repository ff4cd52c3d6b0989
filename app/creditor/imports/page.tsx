import { ImportsScreen } from '@/components/cases/imports-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const ImportsPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  return <ImportsScreen canImport={me.permissions.includes('cases.import')} />;
};

export default withMessages(ImportsPage, 'creditor/imports/page');
