import { z } from 'zod';
import { ZId, ZOrg, ZOrgStatus, ZOrgType, ZPageInput, pageOf } from '../shared.schema';

export const ZListOrgsInput = ZPageInput.extend({
  type: ZOrgType.optional(),
  status: ZOrgStatus.optional(),
  q: z.string().trim().max(100).optional(),
});
export type TListOrgsInput = z.input<typeof ZListOrgsInput>;
export const ZListOrgsOutput = pageOf(ZOrg);

export const ZSetOrgStatusInput = z.strictObject({
  orgId: ZId,
  status: ZOrgStatus,
  reason: z.string().trim().min(2, { error: 'v.reasonRequired' }).max(500),
});
export type TSetOrgStatusInput = z.input<typeof ZSetOrgStatusInput>;
