import { router } from '../../trpc';
import { assignByRule, assignCases, listAssigned, listCases, recallCases } from './case-procedures';
import { closeCase } from './close-case';
import { getImport } from './get-import';
import { listImports } from './list-imports';
import { startImport } from './start-import';

export const casesRouter = router({
  imports: router({ start: startImport, get: getImport, list: listImports }),
  list: listCases,
  recall: recallCases,
  close: closeCase,
  agency: router({ list: listAssigned, assign: assignCases, assignByRule }),
});
