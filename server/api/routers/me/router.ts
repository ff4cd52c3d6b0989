import { router } from '../../trpc';
import { changePassword } from './change-password';
import { getMe } from './get-me';

export const meRouter = router({ get: getMe, changePassword });
