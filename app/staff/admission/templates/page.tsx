import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { TemplatesScreen } from '@/components/review/templates-screen';
import { withMessages } from '../../../_components/with-messages';

const TemplatesPage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('admission.review')) return <Forbidden />;
  return <TemplatesScreen canManage={me.permissions.includes('admission.templates.manage')} />;
};

export default withMessages(TemplatesPage, 'staff/admission/templates/page');
