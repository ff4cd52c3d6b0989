import { router } from '../../trpc';
import { staffAdmissionRouter } from './admission/router';
import { createOrg } from './create-org';
import { createUser } from './create-user';
import { disableUser } from './disable-user';
import { getOrg } from './get-org';
import { listAudit } from './list-audit';
import { listOrgs } from './list-orgs';
import { listUsers } from './list-users';
import { revealUserPhone } from './reveal-user-phone';
import { setOrgStatus } from './set-org-status';
import { listRules } from './rules/list-rules';
import { publishRules } from './rules/publish-rules';

export const staffRouter = router({
  admission: staffAdmissionRouter,
  orgs: router({ list: listOrgs, get: getOrg, create: createOrg, setStatus: setOrgStatus }),
  users: router({ list: listUsers, create: createUser, disable: disableUser, revealPhone: revealUserPhone }),
  audit: router({ list: listAudit }),
  rules: router({ list: listRules, publish: publishRules }),
});
