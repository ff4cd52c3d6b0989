import type { DbOrTx } from '@/db/client';
import type { OrgType } from '@/lib/enums';
import type { Caller } from '../../../auth/actor';
import type { Permission } from '../../../auth/permissions';
import type { Translate } from '../../../i18n/translate';
import type { Cell } from '../../../tabular/cells';

// What an exportable list is: who may export it, its header, and how one page of its rows
// is read from the domain list its screen uses.

export const PAGE = 500;

export type Page<T> = { items: T[]; nextCursor: string | null };
/** One page of a domain list as rows of cells, with the cursor of the next. */
export const pageRows = async <T>(page: Promise<Page<T>>, toRow: (item: T) => Cell[]) => {
  const { items, nextCursor } = await page;
  return { rows: items.map(toRow), nextCursor };
};
export type ListDef = {
  orgTypes: readonly OrgType[];
  permission: Permission;
  header: (t: Translate) => string[];
  rows: (
    db: DbOrTx,
    caller: Caller,
    filters: Record<string, unknown>,
    cursor: string | null,
    t: Translate,
  ) => Promise<{ rows: Cell[][]; nextCursor: string | null }>;
};
