import { router } from '../../trpc';
import { agencyIntensity } from './agency-intensity';
import { listActivity } from './list-activity';

/** The creditor's live view of its agencies' work. */
export const oversightRouter = router({ activity: listActivity, intensity: agencyIntensity });
