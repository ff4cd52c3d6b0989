import { router } from '../../trpc';
import { decideRestructure } from './decide-restructure';
import { listRestructures } from './list-restructures';

/** The creditor's side of restructuring requests. */
export const restructuresRouter = router({ list: listRestructures, decide: decideRestructure });
