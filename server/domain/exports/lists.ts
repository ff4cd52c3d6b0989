import type { ExportList } from '@/lib/enums';
import { CASE_LISTS } from './lists/cases';
import type { ListDef } from './lists/list-def';
import { MARKET_LISTS } from './lists/market';
import { MONEY_LISTS } from './lists/money';
import { OVERSIGHT_LISTS } from './lists/oversight';

export type { ListDef } from './lists/list-def';

// The lists that can be exported (DESIGN §3): each reads its rows from the same domain
// list function its screen uses, with the screen's filters, masked as the screen masks.
// One file per family under lists/; every list of ExportList must be named here.

/** The lists that can be exported: who may, the header, and how one page of rows is read (masked as on screen). */
export const EXPORT_LIST_DEFS: Record<ExportList, ListDef> = {
  ...CASE_LISTS,
  ...MONEY_LISTS,
  ...MARKET_LISTS,
  ...OVERSIGHT_LISTS,
};
