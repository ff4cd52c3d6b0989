import { router } from '../../../trpc';
import { approve } from './approve';
import { decide } from './decide';
import { getApplication } from './get-application';
import { listQueue } from './list-queue';
import { requestInfo } from './request-info';
import { saveScores } from './save-scores';
import { getTemplateVersion } from './get-template';
import { listTemplateVersions } from './list-templates';
import { publishTemplateVersion } from './publish-template';

export const staffAdmissionRouter = router({
  queue: listQueue,
  get: getApplication,
  saveScores,
  requestInfo,
  decide,
  approve,
  templates: router({ list: listTemplateVersions, get: getTemplateVersion, publish: publishTemplateVersion }),
});
