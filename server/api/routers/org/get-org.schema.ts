import { z } from 'zod';
import { ZOrg } from '../shared.schema';

export const ZGetOrgOutput = ZOrg.extend({ activeUserCount: z.number().int() });
