import { router } from '../../trpc';
import { assignByRule, assignCases, listAssigned, listCases, recallCases } from './case-procedures';
import { getImport } from './get-import';
import { listImports } from './list-imports';
import { startImport } from './start-import';

export const casesRouter = router({
  imports: router({ start: startImport, get: getImport, list: listImports }),
  list: listCases,
  recall: recallCases,
  agency: router({ list: listAssigned, assign: assignCases, assignByRule }),
});
