import { getOwnOrg } from '../../../domain/orgs/orgs';
import { authedProcedure } from '../../trpc';
import { ZGetOrgOutput } from './get-org.schema';

export const getOrg = authedProcedure.output(ZGetOrgOutput).query(({ ctx }) => getOwnOrg(ctx.db, ctx.caller));
