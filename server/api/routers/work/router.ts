import { router } from '../../trpc';
import { canContact, getCase, listActions, logAction, packagesWorked, proposeRestructure, queue, restructures, reveal, submitTemplate, templates } from './work-procedures';

/** Case work in the agency: the case page, the rulebook check, logging actions. */
export const workRouter = router({ queue, case: getCase, actions: listActions, canContact, logAction, reveal, restructures, proposeRestructure, templates, submitTemplate, packages: packagesWorked });
