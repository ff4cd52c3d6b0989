import { router } from '../../../trpc';
import { approve } from './approve';
import { decide } from './decide';
import { getApplication } from './get-application';
import { listQueue } from './list-queue';
import { requestInfo } from './request-info';
import { saveScores } from './save-scores';
import { getTemplateVersion, listTemplateVersions, publishTemplateVersion } from './templates';

export const staffAdmissionRouter = router({
  queue: listQueue,
  get: getApplication,
  saveScores,
  requestInfo,
  decide,
  approve,
  templates: router({ list: listTemplateVersions, get: getTemplateVersion, publish: publishTemplateVersion }),
});
