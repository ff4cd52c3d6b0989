import { listOutbox } from '../../../sms/list';
import { publicProcedure, router } from '../../trpc';
import { ZDevSmsListInput, ZDevSmsListOutput } from './dev-sms.schema';

/**
 * What the SMS outbox holds, for development and the browser tests (/dev/sms). Answers
 * NOT_FOUND unless the outbox is the provider in use (server/sms/config.ts): with a real
 * provider the procedure is as good as absent.
 */
export const devSmsRouter = router({
  list: publicProcedure
    .input(ZDevSmsListInput)
    .output(ZDevSmsListOutput)
    .query(({ ctx, input }) => listOutbox(ctx.db, input)),
});
