import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-layout';
import { TemplatesScreen } from '@/components/review/templates-screen';

const TemplatesPage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('admission.review')) return <Forbidden />;
  return <TemplatesScreen canManage={me.permissions.includes('admission.templates.manage')} />;
};

export default TemplatesPage;
