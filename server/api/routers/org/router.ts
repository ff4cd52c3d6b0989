import { router } from '../../trpc';
import { disableOrgUser } from './disable-org-user';
import { getOrg } from './get-org';
import { inviteOrgUser } from './invite-org-user';
import { listOrgUsers } from './list-org-users';
import { revealOrgUserPhone } from './reveal-org-user-phone';

export const orgRouter = router({
  get: getOrg,
  users: router({ list: listOrgUsers, invite: inviteOrgUser, disable: disableOrgUser, revealPhone: revealOrgUserPhone }),
});
