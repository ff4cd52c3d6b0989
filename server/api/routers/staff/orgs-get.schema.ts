import { z } from 'zod';
import { ZId } from '../shared.schema';

export const ZGetOrgInput = z.object({ orgId: ZId });
