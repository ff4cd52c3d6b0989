import { router } from '../../trpc';
import { attachEvidence, cancelVisit, planVisit, recordVisit, repaymentsOfCase, reportRepayment, visits, visitStaff } from './visit-procedures';
import { canContact, getCase, listActions, logAction, packagesWorked, proposeRestructure, queue, restructures, reveal, submitTemplate, templates } from './work-procedures';

/** Case work in the agency: the case page, the rulebook check, logging actions, field visits, repayments. */
export const workRouter = router({
  queue,
  case: getCase,
  actions: listActions,
  canContact,
  logAction,
  reveal,
  restructures,
  proposeRestructure,
  templates,
  submitTemplate,
  packages: packagesWorked,
  visits,
  visitStaff,
  planVisit,
  recordVisit,
  cancelVisit,
  attachEvidence,
  repayments: repaymentsOfCase,
  reportRepayment,
});
