import { router } from '../../../trpc';
import { approve } from './approve';
import { decide } from './decide';
import { getApplication } from './get-application';
import { listQueue } from './list-queue';
import { requestInfo } from './request-info';
import { saveScores } from './save-scores';

export const staffAdmissionRouter = router({ queue: listQueue, get: getApplication, saveScores, requestInfo, decide, approve });
