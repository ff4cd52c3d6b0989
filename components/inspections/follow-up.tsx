'use client';

import { useTranslations } from 'use-intl';
import { COMPLAINT_CATEGORIES, SANCTION_KINDS, type ComplaintCategory, type SanctionKind } from '@/lib/enums';
import { Field, Input, Select, Textarea } from '../ui/field';

export type FollowUpDraft = {
  kind: 'none' | 'sanction' | 'complaint';
  sanctionKind: SanctionKind;
  points: string;
  endsOn: string;
  reason: string;
  category: ComplaintCategory;
  description: string;
};

export const blankFollowUp = (): FollowUpDraft => ({
  kind: 'none',
  sanctionKind: 'warning',
  points: '',
  endsOn: '',
  reason: '',
  category: 'threats',
  description: '',
});

/** The follow-up as the inspect procedure takes it (null: none). */
export const followUpInput = (d: FollowUpDraft) =>
  d.kind === 'sanction'
    ? {
        kind: 'sanction' as const,
        sanctionKind: d.sanctionKind,
        points: d.sanctionKind === 'points' && d.points.trim() !== '' ? Number(d.points) : null,
        endsOn: d.sanctionKind === 'suspension' && d.endsOn ? d.endsOn : null,
        reason: d.reason,
      }
    : d.kind === 'complaint'
      ? { kind: 'complaint' as const, category: d.category, description: d.description }
      : null;

/**
 * Staff, a fatal item failed: in the same step, propose a sanction citing this inspection
 * (a ban still needs a second staff member) or file a complaint citing the call.
 */
export const FollowUpForm = ({
  draft,
  onChange,
  fieldErrors,
}: {
  draft: FollowUpDraft;
  onChange: (d: FollowUpDraft) => void;
  fieldErrors: Record<string, string[]>;
}) => {
  const t = useTranslations('inspections');
  const ts = useTranslations('sanctions');
  const tk = useTranslations('complaints');
  const set = (patch: Partial<FollowUpDraft>) => onChange({ ...draft, ...patch });
  const err = (k: string) => fieldErrors[`followUp.${k}`];
  return (
    <fieldset className="space-y-3 rounded-md bg-red-50/60 p-3 ring-1 ring-red-200" data-testid="follow-up">
      <legend className="px-1 text-sm font-semibold text-red-800">{t('followUpTitle')}</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        {(['none', 'sanction', 'complaint'] as const).map((k) => (
          <label key={k} className="flex items-center gap-1.5">
            <input
              type="radio"
              name="follow-up"
              checked={draft.kind === k}
              onChange={() => set({ kind: k })}
              data-testid={`follow-up-${k}`}
            />
            {t(`followUp.${k}`)}
          </label>
        ))}
      </div>
      {draft.kind === 'sanction' ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field id="fu-kind" label={ts('kindLabel')} error={err('sanctionKind')}>
            <Select
              id="fu-kind"
              value={draft.sanctionKind}
              onChange={(e) => set({ sanctionKind: e.target.value as SanctionKind })}
              data-testid="follow-up-sanction-kind"
            >
              {SANCTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ts(`kind.${k}`)}
                </option>
              ))}
            </Select>
          </Field>
          {draft.sanctionKind === 'points' ? (
            <Field id="fu-points" label={ts('points')} hint={ts('pointsHint')} error={err('points')}>
              <Input
                id="fu-points"
                type="number"
                min={1}
                max={100}
                value={draft.points}
                onChange={(e) => set({ points: e.target.value })}
                data-testid="follow-up-points"
              />
            </Field>
          ) : null}
          {draft.sanctionKind === 'suspension' ? (
            <Field id="fu-ends" label={ts('endsOn')} hint={ts('endsOnHint')} error={err('endsOn')}>
              <Input id="fu-ends" type="date" value={draft.endsOn} onChange={(e) => set({ endsOn: e.target.value })} />
            </Field>
          ) : null}
          <div className="sm:col-span-3">
            <Field id="fu-reason" label={ts('reason')} hint={ts('reasonHint')} error={err('reason')}>
              <Textarea
                id="fu-reason"
                rows={3}
                value={draft.reason}
                onChange={(e) => set({ reason: e.target.value })}
                data-testid="follow-up-reason"
              />
            </Field>
          </div>
          {draft.sanctionKind === 'ban' ? (
            <p className="text-xs text-red-700 sm:col-span-3">{ts('banFourEyes')}</p>
          ) : null}
        </div>
      ) : null}
      {draft.kind === 'complaint' ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field id="fu-category" label={t('complaintCategory')} error={err('category')}>
            <Select
              id="fu-category"
              value={draft.category}
              onChange={(e) => set({ category: e.target.value as ComplaintCategory })}
              data-testid="follow-up-category"
            >
              {COMPLAINT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {tk(`category.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          <div className="sm:col-span-3">
            <Field id="fu-description" label={t('complaintDescription')} error={err('description')}>
              <Textarea
                id="fu-description"
                rows={3}
                value={draft.description}
                onChange={(e) => set({ description: e.target.value })}
                data-testid="follow-up-description"
              />
            </Field>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
};
