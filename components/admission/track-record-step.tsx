'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { bpToPercent, fenToAmount, parseAmountToFen, parsePercentToBp } from '@/lib/format';
import { Button } from '../ui/button';
import { Input } from '../ui/field';
import { StepActions, intField, useSaveSection, type StepProps } from './section-kit';

type Reference = {
  client: string;
  periodFrom: string;
  periodTo: string;
  caseCount: number;
  amountFen: number;
  recoveryRateBp: number;
};
type Row = {
  key: number;
  client: string;
  periodFrom: string;
  periodTo: string;
  caseCount: string;
  amount: string;
  rate: string;
};

const MAX_REFERENCES = 5;
let nextKey = 0;
const toRow = (r?: Partial<Reference>): Row => ({
  key: (nextKey += 1),
  client: r?.client ?? '',
  periodFrom: r?.periodFrom ?? '',
  periodTo: r?.periodTo ?? '',
  caseCount: r?.caseCount === undefined ? '' : String(r.caseCount),
  amount: r?.amountFen === undefined ? '' : fenToAmount(r.amountFen),
  rate: r?.recoveryRateBp === undefined ? '' : bpToPercent(r.recoveryRateBp),
});

const COLUMNS = ['client', 'periodFrom', 'periodTo', 'caseCount', 'amount', 'rate'] as const;

export const TrackRecordStep = ({ view, canEdit, onSaved }: StepProps) => {
  const t = useTranslations();
  const { save, isPending, isSaved, error, fieldErrors } = useSaveSection(onSaved);
  const saved = ((view.sections.trackRecord ?? {}) as { references?: Partial<Reference>[] }).references ?? [];
  const [rows, setRows] = useState<Row[]>(() => (saved.length ? saved.map(toRow) : [toRow()]));
  const [local, setLocal] = useState<Record<string, string[]>>({});

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const bad: Record<string, string[]> = {};
    const references = rows.map((r, i) => {
      const caseCount = intField(f, `caseCount-${r.key}`);
      const amountFen = parseAmountToFen(String(f.get(`amount-${r.key}`) ?? ''));
      const recoveryRateBp = parsePercentToBp(String(f.get(`rate-${r.key}`) ?? ''));
      if (caseCount == null) bad[`references.${i}.caseCount`] = [t('validation.count')];
      if (amountFen === null) bad[`references.${i}.amountFen`] = [t('validation.amount')];
      if (recoveryRateBp === null) bad[`references.${i}.recoveryRateBp`] = [t('validation.rate')];
      return {
        client: String(f.get(`client-${r.key}`) ?? '').trim(),
        periodFrom: String(f.get(`periodFrom-${r.key}`) ?? ''),
        periodTo: String(f.get(`periodTo-${r.key}`) ?? ''),
        caseCount: caseCount ?? 0,
        amountFen: amountFen ?? 0,
        recoveryRateBp: recoveryRateBp ?? 0,
      };
    });
    setLocal(bad);
    if (Object.keys(bad).length === 0) save({ section: 'trackRecord', data: { references } });
  };
  const errors = { ...fieldErrors, ...local };
  const cellError = (i: number, col: (typeof COLUMNS)[number]) => {
    const field = {
      client: 'client',
      periodFrom: 'periodFrom',
      periodTo: 'periodTo',
      caseCount: 'caseCount',
      amount: 'amountFen',
      rate: 'recoveryRateBp',
    }[col];
    return errors[`references.${i}.${field}`]?.[0];
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3" data-testid="step-trackRecord">
      <p className="text-sm text-slate-500">{t('apply.trackRecord.intro')}</p>
      {errors.references ? <p className="text-xs text-red-600">{errors.references[0]}</p> : null}
      <div className="space-y-3">
        {rows.map((r, i) => (
          <div key={r.key} className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="reference-row">
            <div className="mb-2 flex items-center justify-between text-xs font-medium text-slate-600">
              {t('apply.trackRecord.reference', { n: i + 1 })}
              {canEdit && rows.length > 1 ? (
                <Button variant="dangerGhost" onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}>
                  {t('apply.trackRecord.remove')}
                </Button>
              ) : null}
            </div>
            <div className="grid gap-2 sm:grid-cols-6">
              {COLUMNS.map((col) => (
                <label
                  key={col}
                  className={`text-xs text-slate-600 ${col === 'client' ? 'sm:col-span-2' : ''} ${col === 'periodTo' ? 'sm:col-span-1' : ''}`}
                >
                  {t(`apply.trackRecord.${col}`)}
                  <Input
                    name={`${col}-${r.key}`}
                    type={col === 'periodFrom' || col === 'periodTo' ? 'month' : 'text'}
                    inputMode={col === 'client' || col === 'periodFrom' || col === 'periodTo' ? undefined : 'decimal'}
                    defaultValue={r[col]}
                    disabled={!canEdit}
                    invalid={Boolean(cellError(i, col))}
                    data-testid={`ref-${col}-${i}`}
                  />
                  {cellError(i, col) ? <span className="text-red-600">{cellError(i, col)}</span> : null}
                </label>
              ))}
            </div>
          </div>
        ))}
      </div>
      {canEdit && rows.length < MAX_REFERENCES ? (
        <Button variant="secondary" data-testid="add-reference" onClick={() => setRows((all) => [...all, toRow()])}>
          {t('apply.trackRecord.add')}
        </Button>
      ) : null}
      <StepActions
        canEdit={canEdit}
        isPending={isPending}
        isSaved={isSaved}
        error={error}
        hasFieldErrors={Object.keys(errors).length > 0}
      />
    </form>
  );
};
