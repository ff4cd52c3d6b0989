'use client';

import { useFieldArray } from 'react-hook-form';
import { useTranslations } from 'use-intl';
import { bpToPercent, fenToAmount } from '@/lib/format';
import { ZTrackRecordForm } from '@/server/api/routers/admission/admission.schema';
import { useZodForm } from '../forms/use-zod-form';
import { Button } from '../ui/button';
import { Input } from '../ui/field';
import { StepActions, useSaveSection, useStepErrors, type StepProps } from './section-kit';

type Reference = {
  client: string;
  periodFrom: string;
  periodTo: string;
  caseCount: number;
  amountFen: number;
  recoveryRateBp: number;
};
type Row = {
  client: string;
  periodFrom: string;
  periodTo: string;
  caseCount: string;
  amount: string;
  rate: string;
};

const MAX_REFERENCES = 5;
const toRow = (r?: Partial<Reference>): Row => ({
  client: r?.client ?? '',
  periodFrom: r?.periodFrom ?? '',
  periodTo: r?.periodTo ?? '',
  caseCount: r?.caseCount === undefined ? '' : String(r.caseCount),
  amount: r?.amountFen === undefined ? '' : fenToAmount(r.amountFen),
  rate: r?.recoveryRateBp === undefined ? '' : bpToPercent(r.recoveryRateBp),
});

const COLUMNS = ['client', 'periodFrom', 'periodTo', 'caseCount', 'amount', 'rate'] as const;
/** The procedure's name of a column the form types differently (yuan for fen, percent for basis points). */
const SERVER_NAME = { amount: 'amountFen', rate: 'recoveryRateBp' } as Record<string, string>;

export const TrackRecordStep = ({ view, canEdit, onSaved }: StepProps) => {
  const t = useTranslations();
  const { save, isPending, isSaved, error, fieldErrors } = useSaveSection(onSaved);
  const saved = ((view.sections.trackRecord ?? {}) as { references?: Partial<Reference>[] }).references ?? [];
  const { register, handleSubmit, control, formState } = useZodForm(ZTrackRecordForm, {
    defaultValues: { references: saved.length ? saved.map(toRow) : [toRow()] },
  });
  const rows = useFieldArray({ control, name: 'references' });
  const serverNames = Object.fromEntries(
    rows.fields.flatMap((_, i) =>
      Object.entries(SERVER_NAME).map(([col, name]) => [`references.${i}.${col}`, `references.${i}.${name}`]),
    ),
  );
  const { err, hasErrors } = useStepErrors(formState.errors, fieldErrors, serverNames);
  const cellError = (i: number, col: (typeof COLUMNS)[number]) => err(`references.${i}.${col}`);
  const listError = err('references') ?? err('references.root');

  return (
    <form onSubmit={handleSubmit(save)} noValidate className="space-y-3" data-testid="step-trackRecord">
      <p className="text-sm text-slate-500">{t('apply.trackRecord.intro')}</p>
      {listError ? <p className="text-xs text-red-600">{listError}</p> : null}
      <div className="space-y-3">
        {rows.fields.map((r, i) => (
          <div key={r.id} className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="reference-row">
            <div className="mb-2 flex items-center justify-between text-xs font-medium text-slate-600">
              {t('apply.trackRecord.reference', { n: i + 1 })}
              {canEdit && rows.fields.length > 1 ? (
                <Button variant="dangerGhost" onClick={() => rows.remove(i)}>
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
                    {...register(`references.${i}.${col}`)}
                    type={col === 'periodFrom' || col === 'periodTo' ? 'month' : 'text'}
                    inputMode={col === 'client' || col === 'periodFrom' || col === 'periodTo' ? undefined : 'decimal'}
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
      {canEdit && rows.fields.length < MAX_REFERENCES ? (
        <Button variant="secondary" data-testid="add-reference" onClick={() => rows.append(toRow())}>
          {t('apply.trackRecord.add')}
        </Button>
      ) : null}
      <StepActions canEdit={canEdit} isPending={isPending} isSaved={isSaved} error={error} hasFieldErrors={hasErrors} />
    </form>
  );
};
