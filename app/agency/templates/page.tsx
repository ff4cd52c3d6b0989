import { AgencyTemplatesScreen } from '@/components/work/templates-screens';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const AgencyTemplatesPage = async () => {
  const me = await loadPortalMe('agency');
  if (!me.permissions.includes('cases.work')) return <Forbidden />;
  return <AgencyTemplatesScreen canSubmit={me.permissions.includes('templates.manage')} />;
};

export default withMessages(AgencyTemplatesPage, 'agency/templates/page');
