import { router } from '../../trpc';
import { acceptInvite } from './accept-invite';
import { getInvite } from './get-invite';

export const authRouter = router({ invite: router({ get: getInvite, accept: acceptInvite }) });
