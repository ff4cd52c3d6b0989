import { router } from '../../trpc';
import { canContact, getCase, listActions, logAction, proposeRestructure, queue, restructures, reveal } from './work-procedures';

/** Case work in the agency: the case page, the rulebook check, logging actions. */
export const workRouter = router({ queue, case: getCase, actions: listActions, canContact, logAction, reveal, restructures, proposeRestructure });
