import { DisclosureScreen } from '@/components/money/disclosure-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const CreditorDisclosurePage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('disclosure.read')) return <Forbidden />;
  return <DisclosureScreen platform={false} canPublish={me.permissions.includes('disclosure.publish')} />;
};

export default withMessages(CreditorDisclosurePage, 'creditor/disclosure/page');
