import { ApplyScreen } from '@/components/admission/apply-screen';
import { loadPortalMe } from '../_components/portal-me';
import { withMessages } from '../_components/with-messages';

const ApplyPage = async () => {
  const me = await loadPortalMe('apply');
  return (
    <ApplyScreen
      orgType={me.orgType}
      canApply={me.permissions.includes('admission.apply')}
      canRead={me.permissions.includes('admission.read')}
    />
  );
};

export default withMessages(ApplyPage, 'apply/page');
