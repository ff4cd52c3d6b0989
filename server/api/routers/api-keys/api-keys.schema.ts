import { z } from 'zod';
import { ALL_API_SCOPES, MAX_API_KEY_NAME, MAX_API_RATE_LIMIT } from '@/lib/api-scopes';
import { ZId, ZPageInput, pageOf } from '../shared.schema';

export const ZApiScope = z.enum(ALL_API_SCOPES, { error: 'v.apiScope' });

export const ZApiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ZApiScope),
  rateLimit: z.number().int(),
  expiresAt: z.date().nullable(),
  createdAt: z.date(),
  createdByName: z.string(),
  revokedAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  lastUsedIp: z.string().nullable(),
});

export const ZListApiKeysInput = ZPageInput;
export const ZApiKeys = pageOf(ZApiKey);

// Strict: the organization comes from the session.
export const ZCreateApiKeyInput = z.strictObject({
  name: z.string().trim().min(1).max(MAX_API_KEY_NAME),
  scopes: z.array(ZApiScope).min(1, { error: 'v.apiScopesRequired' }).max(ALL_API_SCOPES.length),
  expiresOn: z.iso.date().nullish(),
  rateLimit: z.number().int().min(1).max(MAX_API_RATE_LIMIT).nullish(),
});
export type TCreateApiKeyInput = z.input<typeof ZCreateApiKeyInput>;

export const ZCreatedApiKey = z.object({ key: ZApiKey, secret: z.string() });

export const ZRevokeApiKeyInput = z.strictObject({ keyId: ZId });
