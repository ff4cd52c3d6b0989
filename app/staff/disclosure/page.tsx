import { DisclosureScreen } from '@/components/money/disclosure-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const StaffDisclosurePage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('disclosure.read')) return <Forbidden />;
  return <DisclosureScreen platform canPublish={false} />;
};

export default withMessages(StaffDisclosurePage, 'staff/disclosure/page');
