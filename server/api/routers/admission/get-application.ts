import { getOwnApplication } from '../../../domain/admission/applications';
import { applicantProcedure } from '../../trpc';
import { ZApplicationView } from './application.schema';

export const getApplication = applicantProcedure.output(ZApplicationView).query(({ ctx }) => getOwnApplication(ctx.db, ctx.caller));
