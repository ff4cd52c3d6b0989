import { router } from '../../trpc';
import { getImport } from './get-import';
import { listImports } from './list-imports';
import { startImport } from './start-import';

export const casesRouter = router({
  imports: router({ start: startImport, get: getImport, list: listImports }),
});
