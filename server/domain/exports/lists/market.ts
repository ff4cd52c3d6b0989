import type { ExportList, Province } from '@/lib/enums';
import { at, count, money, percent } from '../../../tabular/cells';
import { listMarket, listMyBids, type MarketSort } from '../../packages/market';
import { listPackages } from '../../packages/packages';
import { PAGE, pageRows, type ListDef } from './list-def';

// The marketplace lists: the lender's packages, the agency's bids and the open market.

export const MARKET_LISTS = {
  'creditor.packages': {
    orgTypes: ['creditor'],
    permission: 'cases.read',
    header: (t) => [
      t('exports.col.packageName'),
      t('exports.col.status'),
      t('exports.col.cases'),
      t('exports.col.amountOverdue'),
      t('exports.col.closesAt'),
      t('exports.col.commissionStart'),
      t('exports.col.commissionEnd'),
      t('exports.col.createdAt'),
    ],
    rows: (db, caller, f, cursor, t) =>
      pageRows(listPackages(db, caller, { ...(f as { status?: never }), cursor, limit: PAGE }), (p) => [
        p.name,
        t(`packageStatus.${p.status}`),
        count(p.figures.caseCount),
        money(p.figures.totalOverdue),
        at(p.closesAt),
        p.commissionStart ?? '',
        p.commissionEnd ?? '',
        at(p.createdAt),
      ]),
  },
  'agency.bids': {
    orgTypes: ['agency'],
    permission: 'market.read',
    header: (t) => [
      t('exports.col.packageName'),
      t('exports.col.fee'),
      t('exports.col.expectedRecovery'),
      t('exports.col.teamSize'),
      t('exports.col.status'),
      t('exports.col.closesAt'),
      t('exports.col.bidAt'),
    ],
    rows: (db, caller, _f, cursor, t) =>
      pageRows(listMyBids(db, caller, { cursor, limit: PAGE }), (b) => [
        b.packageName,
        percent(b.feeBp),
        percent(b.expectedRecoveryBp),
        count(b.teamSize),
        t(`bids.status.${b.status}`),
        at(b.closesAt),
        at(b.createdAt),
      ]),
  },
  'agency.market': {
    orgTypes: ['agency'],
    permission: 'market.read',
    header: (t) => [
      t('exports.col.packageName'),
      t('exports.col.creditor'),
      t('exports.col.status'),
      t('exports.col.cases'),
      t('exports.col.amountOverdue'),
      t('exports.col.expectedRecovery'),
      t('exports.col.minTier'),
      t('exports.col.closesAt'),
      t('exports.col.commissionStart'),
      t('exports.col.commissionEnd'),
    ],
    rows: (db, caller, f, cursor, t) => {
      const filters = f as { sort?: MarketSort; province?: Province; bucket?: number };
      return pageRows(
        listMarket(db, caller, {
          sort: filters.sort ?? 'closing',
          province: filters.province,
          bucket: filters.bucket,
          cursor,
          limit: PAGE,
        }),
        (p) => [
          p.name,
          p.creditorName,
          t(`packageStatus.${p.status}`),
          count(p.figures.caseCount),
          money(p.figures.totalOverdue),
          percent(p.expectedRecoveryBp),
          p.minTier ?? t('packages.terms.anyTier'),
          at(p.closesAt),
          p.commissionStart ?? '',
          p.commissionEnd ?? '',
        ],
      );
    },
  },
} satisfies { [K in ExportList]?: ListDef };
