import { getOwnApplication } from '../../../domain/admission/applications';
import { applicantProcedure, requirePermission } from '../../trpc';
import { ZApplicationView } from './application.schema';

/** The organization's admission file, for its admins (its other users see none of it). */
export const getApplication = applicantProcedure
  .use(requirePermission('admission.read'))
  .output(ZApplicationView)
  .query(({ ctx }) => getOwnApplication(ctx.db, ctx.caller));
