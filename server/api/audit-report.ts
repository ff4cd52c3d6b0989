import { z } from 'zod';
import { bpToFixedPercent, formatDateTime } from '@/lib/format';
import { getAudit } from '../domain/audits/audits';
import { listAuditItems } from '../domain/audits/items';
import { hasPermission } from '../auth/permissions';
import { DomainError } from '../errors';
import { getTranslate } from '../i18n/translate';
import { renderPdf, type PdfBlock } from '../reports/pdf';
import { pdfResponse } from './download';
import { asRouteCaller } from './route-caller';

/**
 * A completed field audit as its report (A4 PDF, in the reader's language): the agency,
 * the period and sampling, the tally of findings, the auditor's summary, and every record
 * found wanting with its note and the complaint it opened.
 */
export const exportAuditReport = (req: Request, auditId: string) =>
  asRouteCaller(req, async (db, caller, locale) => {
    if (
      !z.uuid().safeParse(auditId).success ||
      caller.actor.orgType !== 'platform' ||
      !hasPermission(caller.actor, 'audits.read')
    )
      throw new DomainError('audit.notFound');
    const a = await getAudit(db, auditId);
    if (a.status !== 'completed') throw new DomainError('audit.notFound');
    const t = getTranslate(locale);
    const wanting = [];
    for (const finding of ['violation', 'issue'] as const) {
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listAuditItems>> = await listAuditItems(db, auditId, {
          finding,
          cursor,
          limit: 100,
        });
        wanting.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
    }
    const title = t('audits.auditOf', { agency: a.agencyName });
    const sampling =
      a.method === 'random'
        ? t('audits.randomShare', { percent: bpToFixedPercent(a.sampleBp ?? 0) })
        : t('audits.method.chosen');
    const pdf = await renderPdf({ title, footer: `${t('common.product')} · ${title} · ${a.id}` }, [
      { kind: 'title', text: title, subtitle: `${a.periodFrom} – ${a.periodTo} · ${sampling}` },
      {
        kind: 'figures',
        items: [
          { label: t('audits.records'), value: String(a.itemCount) },
          { label: t('audits.finding.pass'), value: String(a.findings.pass) },
          { label: t('audits.finding.issue'), value: String(a.findings.issue) },
          { label: t('audits.finding.violation'), value: String(a.findings.violation) },
          { label: t('audits.createdBy'), value: a.createdByName },
          { label: t('audits.completedLabel'), value: formatDateTime(a.completedAt) },
        ],
      },
      { kind: 'heading', text: t('audits.summary') },
      { kind: 'note', text: a.summary ?? '' },
      { kind: 'heading', text: t('audits.wanting') },
      {
        kind: 'table',
        columns: [
          { header: t('audits.record'), width: 2.4 },
          { header: t('audits.case'), width: 2.6 },
          { header: t('audits.findingLabel'), width: 1.4 },
          { header: t('audits.complaint'), width: 2.2 },
        ],
        rows: wanting.map((i) => [
          `${t(`audits.kind.${i.kind}`)} ${formatDateTime(i.at)}`,
          i.contractNo,
          t(`audits.finding.${i.finding ?? 'pass'}`),
          i.complaint?.reference ?? '',
        ]),
        empty: t('audits.nothingWanting'),
      },
      // The notes in full, one paragraph per record (a table cell would cut them short).
      ...wanting.map((i): PdfBlock => ({
        kind: 'note',
        text: `${i.contractNo}（${t(`audits.kind.${i.kind}`)} ${formatDateTime(i.at)}）：${i.note ?? ''}`,
      })),
    ]);
    return pdfResponse(pdf, `${title} ${a.periodFrom}–${a.periodTo}.pdf`);
  });
