import { ApplyScreen } from '@/components/admission/apply-screen';
import { loadPortalMe } from '../_components/portal-layout';

const ApplyPage = async () => {
  const me = await loadPortalMe('apply');
  return <ApplyScreen canApply={me.permissions.includes('admission.apply')} />;
};

export default ApplyPage;
