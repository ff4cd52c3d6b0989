import { z } from 'zod';
import { TIERS } from '@/lib/enums';
import { listAdmittedAgencies } from '../../../domain/packages/eligibility';
import { creditorProcedure, requirePermission } from '../../trpc';

/** Admitted agencies, to invite to bid or to offer a package to. */
export const listAgencies = creditorProcedure
  .use(requirePermission('packages.manage'))
  .input(z.object({}).optional())
  .output(z.array(z.object({ id: z.string(), name: z.string(), tier: z.enum(TIERS).nullable() })))
  .query(({ ctx }) => listAdmittedAgencies(ctx.db));
