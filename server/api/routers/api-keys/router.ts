import { createApiKey, listApiKeys, revokeApiKey } from '../../../domain/api/keys';
import { authedProcedure, requirePermission, router } from '../../trpc';
import {
  ZApiKey,
  ZApiKeys,
  ZCreateApiKeyInput,
  ZCreatedApiKey,
  ZListApiKeysInput,
  ZRevokeApiKeyInput,
} from './api-keys.schema';

const keyManager = authedProcedure.use(requirePermission('org.apiKeys.manage'));

/** The organization's API keys (/api/v1): its admins list, create and revoke them. */
export const apiKeysRouter = router({
  list: keyManager
    .input(ZListApiKeysInput)
    .output(ZApiKeys)
    .query(({ ctx, input }) => listApiKeys(ctx.db, ctx.caller, input)),
  /** The secret is in this answer only. */
  create: keyManager
    .input(ZCreateApiKeyInput)
    .output(ZCreatedApiKey)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.caller, input)),
  revoke: keyManager
    .input(ZRevokeApiKeyInput)
    .output(ZApiKey)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.caller, input.keyId)),
});
