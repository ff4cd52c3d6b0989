import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

/** Rows of a raw statement; PGlite answers `{ rows }` and postgres-js an array. */
export const executeRows = async <T>(db: DbOrTx, query: SQL): Promise<T[]> => {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
};
