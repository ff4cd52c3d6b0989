'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { bpToPercent, formatFen } from '@/lib/format';

type Dict = Record<string, unknown>;
const asDict = (v: unknown): Dict => (v && typeof v === 'object' ? (v as Dict) : {});
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

const Row = ({ label, children }: { label: ReactNode; children: ReactNode }) => (
  <div className="grid grid-cols-3 gap-3 py-1.5 text-sm">
    <dt className="text-slate-500">{label}</dt>
    <dd className="col-span-2 text-slate-900">{children}</dd>
  </div>
);

/** The application as submitted, read-only, in the reviewer's language. */
export const ApplicationSummary = ({
  kind,
  sections,
  legalRepIdMasked,
}: {
  kind: string;
  sections: Dict;
  legalRepIdMasked: string | null;
}) => {
  const t = useTranslations();
  const yesNo = (v: unknown) => (v === true ? t('common.yes') : v === false ? t('common.no') : '—');
  const text = (v: unknown) => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : '—');
  if (kind === 'creditor') {
    const l = asDict(sections.licence);
    return (
      <dl className="divide-y divide-slate-100" data-testid="summary-licence">
        <Row label={t('apply.licence.licenceType')}>
          {typeof l.licenceType === 'string' ? t(`licenceType.${l.licenceType}`) : '—'}
        </Row>
        <Row label={t('apply.licence.licenceNumber')}>{text(l.licenceNumber)}</Row>
        <Row label={t('apply.licence.regulator')}>{text(l.regulator)}</Row>
        <Row label={t('apply.licence.declarationShort')}>{yesNo(l.declaresNoFraud)}</Row>
        <Row label={t('apply.signedBy')}>{text(l.signedBy)}</Row>
      </dl>
    );
  }
  const b = asDict(sections.basics);
  const s = asDict(sections.systems);
  const c = asDict(sections.compliance);
  const refs = Array.isArray(asDict(sections.trackRecord).references)
    ? (asDict(sections.trackRecord).references as Dict[])
    : [];
  return (
    <div className="space-y-5" data-testid="summary-agency">
      <section>
        <h3 className="mb-1 text-sm font-semibold text-slate-900">{t('admission.section.basics')}</h3>
        <dl className="divide-y divide-slate-100">
          <Row label={t('apply.basics.legalRepName')}>{text(b.legalRepName)}</Row>
          <Row label={t('apply.basics.legalRepIdNumber')}>
            <span className="font-mono">{legalRepIdMasked ?? '—'}</span>
          </Row>
          <Row label={t('fields.registeredCapitalFen')}>
            {typeof b.registeredCapitalFen === 'number' ? formatFen(b.registeredCapitalFen) : '—'}
          </Row>
          <Row label={t('apply.basics.foundedOn')}>{text(b.foundedOn)}</Row>
          <Row label={t('apply.basics.address')}>{text(b.address)}</Row>
          <Row label={t('apply.basics.staffCount')}>{text(b.staffCount)}</Row>
          <Row label={t('apply.basics.seatCount')}>{text(b.seatCount)}</Row>
          <Row label={t('apply.basics.channels')}>
            {asList(b.channels)
              .map((x) => t(`channel.${x}`))
              .join('、') || '—'}
          </Row>
          <Row label={t('apply.basics.serviceProvinces')}>
            {asList(b.serviceProvinces)
              .map((x) => t(`province.${x}`))
              .join('、') || '—'}
          </Row>
        </dl>
      </section>
      <section>
        <h3 className="mb-1 text-sm font-semibold text-slate-900">{t('admission.section.systems')}</h3>
        <dl className="divide-y divide-slate-100">
          <Row label={t('apply.systems.hasCallRecording')}>{yesNo(s.hasCallRecording)}</Row>
          <Row label={t('apply.systems.hasFieldEvidenceCapture')}>{yesNo(s.hasFieldEvidenceCapture)}</Row>
          <Row label={t('apply.systems.mlpsLevel')}>
            {typeof s.mlpsLevel === 'number' ? t(`apply.systems.mlps.${s.mlpsLevel}`) : '—'}
          </Row>
          <Row label={t('apply.systems.hasIso27001')}>{yesNo(s.hasIso27001)}</Row>
          <Row label={t('apply.systems.otherCertifications')}>{text(s.otherCertifications)}</Row>
        </dl>
      </section>
      <section>
        <h3 className="mb-1 text-sm font-semibold text-slate-900">{t('admission.section.trackRecord')}</h3>
        <ul className="space-y-1 text-sm">
          {refs.map((r, i) => (
            <li key={i} className="rounded bg-slate-50 px-2 py-1">
              {text(r.client)} · {text(r.periodFrom)} – {text(r.periodTo)} ·{' '}
              {t('review.cases', { n: Number(r.caseCount ?? 0) })} ·{' '}
              {typeof r.amountFen === 'number' ? formatFen(r.amountFen) : '—'} ·{' '}
              {t('review.recovery', {
                rate: typeof r.recoveryRateBp === 'number' ? bpToPercent(r.recoveryRateBp) : '—',
              })}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3 className="mb-1 text-sm font-semibold text-slate-900">{t('admission.section.compliance')}</h3>
        <dl className="divide-y divide-slate-100">
          <Row label={t('apply.compliance.litigationCount')}>{text(c.litigationCount)}</Row>
          <Row label={t('apply.compliance.litigationNote')}>{text(c.litigationNote)}</Row>
          <Row label={t('apply.compliance.pastSanctions')}>{text(c.pastSanctions)}</Row>
          <Row label={t('apply.compliance.complaintCount')}>{text(c.complaintCount)}</Row>
          <Row label={t('apply.compliance.declarationShort')}>{yesNo(c.declaresNoAbuse)}</Row>
          <Row label={t('apply.signedBy')}>{text(c.signedBy)}</Row>
        </dl>
      </section>
    </div>
  );
};
