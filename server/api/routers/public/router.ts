import { router } from '../../trpc';
import { listAdmitted } from './list-admitted';
import { listBanned } from './list-banned';

export const publicRouter = router({ agencies: router({ admitted: listAdmitted, banned: listBanned }) });
