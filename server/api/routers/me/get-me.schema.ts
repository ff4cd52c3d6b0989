import { z } from 'zod';
import { ZOrgStatus, ZOrgType, ZRole } from '../shared.schema';

export const ZGetMeOutput = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  orgId: z.string(),
  orgName: z.string(),
  orgType: ZOrgType,
  orgStatus: ZOrgStatus,
  permissions: z.array(z.string()),
});
export type TGetMeOutput = z.infer<typeof ZGetMeOutput>;
