import { UsersScreen } from '@/components/users/users-screen';
import { loadPortalMe } from './portal-me';
import type { Portal } from './portal-shell';
import { Forbidden } from './forbidden';

/** The users screen of any portal: readers see the list, organization admins also manage. */
export const UsersPage = async ({ portal }: { portal: Portal }) => {
  const me = await loadPortalMe(portal);
  if (!me.permissions.includes('org.users.read')) return <Forbidden />;
  return (
    <UsersScreen orgType={me.orgType} canManage={me.permissions.includes('org.users.manage')} selfId={me.userId} />
  );
};
