import { router } from '../../trpc';
import { createUser } from './create-user';
import { disableUser } from './disable-user';
import { listAudit } from './list-audit';
import { listOrgs } from './list-orgs';
import { setOrgStatus } from './set-org-status';

export const staffRouter = router({
  orgs: router({ list: listOrgs, setStatus: setOrgStatus }),
  users: router({ create: createUser, disable: disableUser }),
  audit: router({ list: listAudit }),
});
