import { RulesScreen } from '@/components/staff/rules-screen';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const RulesPage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('rules.read')) return <Forbidden />;
  return <RulesScreen canPublish={me.permissions.includes('rules.manage')} />;
};

export default withMessages(RulesPage, 'staff/rules/page');
