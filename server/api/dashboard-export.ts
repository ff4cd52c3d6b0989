import { bucketLabel } from '@/lib/cases';
import { MONTH_PATTERN } from '@/lib/months';
import { hasPermission } from '../auth/permissions';
import { creditorRecovery } from '../domain/money/dashboard';
import { creditorQuality } from '../domain/money/dashboard-quality';
import { DomainError } from '../errors';
import { getTranslate } from '../i18n/translate';
import { count, day, heading, money, percent, tenths, type Cell } from '../tabular/cells';
import { xlsxResponse } from './download';
import { asRouteCaller } from './route-caller';

/**
 * The creditor's dashboard for a range of months as a workbook, one section after the
 * other: money by month and agency, each agency's recovery, promise-kept rate and flags,
 * open debts by bucket, and the recovery curves.
 */
export const exportDashboard = (req: Request) =>
  asRouteCaller(req, async (db, caller, locale) => {
    if (caller.actor.orgType !== 'creditor' || !hasPermission(caller.actor, 'cases.read'))
      throw new DomainError('auth.forbidden');
    const params = new URL(req.url).searchParams;
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    if (!MONTH_PATTERN.test(from) || !MONTH_PATTERN.test(to))
      throw new DomainError('dashboard.range', { field: 'from' });
    const t = getTranslate(locale);
    const recovery = await creditorRecovery(db, caller, { from, to });
    const quality = await creditorQuality(db, caller, { from, to });
    const names = new Map(recovery.agencies.map((a) => [a.agencyId, a.agencyName]));
    const rows: Cell[][] = [
      [heading(t('dashboard.exportTitle', { from, to }))],
      [],
      [heading(t('dashboard.byMonth'))],
      [t('dashboard.month'), t('dashboard.agency'), t('dashboard.recovered')].map(heading),
      ...recovery.months.flatMap((m) =>
        Object.entries(m.byAgency).map(([id, fen]) => [m.month, names.get(id) ?? t('dashboard.direct'), money(fen)]),
      ),
      [],
      [heading(t('dashboard.byAgency'))],
      [
        t('dashboard.agency'),
        t('dashboard.cases'),
        t('dashboard.placed'),
        t('dashboard.recovered'),
        t('dashboard.rate'),
      ].map(heading),
      ...recovery.agencies.map((a) => [
        a.agencyName,
        count(a.cases),
        money(a.placed),
        money(a.recovered),
        percent(a.rateBp),
      ]),
      [],
      [heading(t('dashboard.qualityTitle'))],
      [
        t('dashboard.agency'),
        t('dashboard.promisesKept'),
        t('dashboard.promisesBroken'),
        t('dashboard.keptRate'),
        t('dashboard.casesPlaced'),
        t('dashboard.flagged'),
        t('dashboard.flagsPerThousand'),
      ].map(heading),
      ...quality.agencies.map((a) => [
        a.agencyName,
        count(a.promisesKept),
        count(a.promisesBroken),
        percent(a.keptRateBp),
        count(a.casesPlaced),
        count(a.flagged),
        tenths(a.flagsPerThousand),
      ]),
      [],
      [heading(t('dashboard.ageingTitle'))],
      [t('dashboard.bucket'), t('dashboard.cases'), t('dashboard.outstanding'), t('dashboard.withAgency')].map(heading),
      ...quality.ageing.map((g) => [bucketLabel(g.bucket), count(g.cases), money(g.outstanding), money(g.placed)]),
      [],
      [heading(t('dashboard.curvesTitle'))],
      [
        t('dashboard.curveOf'),
        t('dashboard.startsOn'),
        t('dashboard.placed'),
        ...Array.from({ length: Math.max(0, ...quality.curves.map((c) => c.points.length)) }, (_, i) =>
          t('dashboard.monthN', { n: i + 1 }),
        ),
      ].map(heading),
      ...quality.curves.map((c) => [
        `${c.packageName} · ${c.agencyName}`,
        day(c.startsOn),
        money(c.placed),
        ...c.points.map((p) => percent(p.rateBp)),
      ]),
    ];
    return xlsxResponse(rows, `${from}–${to}`, `${t('dashboard.exportTitle', { from, to })}.xlsx`);
  });
