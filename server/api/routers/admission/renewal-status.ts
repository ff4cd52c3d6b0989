import { renewalStatus as status } from '../../../domain/admission/applications';
import { applicantProcedure } from '../../trpc';
import { ZRenewalStatus } from './application.schema';

export const renewalStatus = applicantProcedure.output(ZRenewalStatus).query(({ ctx }) => status(ctx.db, ctx.caller));
