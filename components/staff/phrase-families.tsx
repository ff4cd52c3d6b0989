'use client';

import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useLocale, useTranslations } from 'use-intl';
import { PHRASE_CATEGORIES } from '@/lib/enums';
import type { TRuleDraftForm, TRuleSets } from '@/server/api/routers/staff/staff.schema';
import type { ErrorInfo } from '../trpc/errors';
import { Button } from '../ui/button';
import { Field, Input, Select, Textarea } from '../ui/field';

type Family = TRuleSets[number]['rules']['phraseFamilies'][number];
/** A family as the editor holds it: patterns and examples one a line. */
type FamilyRow = TRuleDraftForm['phraseFamilies'][number];

export const toFamilyRow = (f: Family): FamilyRow => ({
  ...f,
  patterns: f.patterns.join('\n'),
  mustMatch: f.mustMatch.join('\n'),
  mustNotMatch: f.mustNotMatch.join('\n'),
});

/** The first message anywhere under a field (a list names the line and its part). */
export const firstMessage = (node: unknown): string | undefined => {
  if (!node || typeof node !== 'object') return undefined;
  const { message, ref: _ref, ...rest } = node as { message?: unknown; ref?: unknown };
  if (typeof message === 'string') return message;
  for (const child of Object.values(rest)) {
    const m = firstMessage(child);
    if (m) return m;
  }
  return undefined;
};

/** The families of a version by category, each with its name, how many patterns and one example. */
export const FamiliesView = ({ families }: { families: Family[] }) => {
  const t = useTranslations();
  const isEn = useLocale() === 'en';
  return (
    <dl className="space-y-3 text-sm" data-testid="rules-families">
      {PHRASE_CATEGORIES.filter((c) => families.some((f) => f.category === c)).map((c) => (
        <div key={c} className="grid gap-2 md:grid-cols-[10rem_1fr]" data-testid={`rules-category-${c}`}>
          <dt className="font-medium text-slate-700">{t(`staffRules.category.${c}`)}</dt>
          <dd className="space-y-1">
            {families
              .filter((f) => f.category === c)
              .map((f) => (
                <p key={f.id} className="text-slate-700" data-testid="rules-family">
                  <span className="font-medium">{isEn ? f.nameEn : f.name}</span>{' '}
                  <span className="text-xs text-slate-500">
                    {t('staffRules.patternCount', { count: f.patterns.length })}
                    {f.mustMatch[0] ? ` · ${t('staffRules.example', { example: f.mustMatch[0] })}` : null}
                  </span>
                </p>
              ))}
          </dd>
        </div>
      ))}
    </dl>
  );
};

const LINES = ['patterns', 'mustMatch', 'mustNotMatch'] as const;
const TEXTS = ['id', 'name', 'nameEn'] as const;

/** Adding, editing and removing the families of the next version; the server checks every example on publishing. */
export const FamiliesEditor = ({
  control,
  register,
  errors,
  server,
}: {
  control: Control<TRuleDraftForm, unknown, unknown>;
  register: UseFormRegister<TRuleDraftForm>;
  errors: FieldErrors<TRuleDraftForm>;
  /** The publish answer: a family's problem is shown under that family's field too. */
  server: ErrorInfo | null;
}) => {
  const t = useTranslations();
  const reg = register;
  const rows = useFieldArray({ control, name: 'phraseFamilies' });
  const own = errors.phraseFamilies;
  const message = (i: number, key: keyof FamilyRow) =>
    firstMessage(own?.[i]?.[key]) ?? server?.fieldErrors?.[`phraseFamilies.${i}.${key}`]?.[0];
  return (
    <div className="space-y-3" data-testid="families-editor">
      <p className="text-xs text-slate-500">{t('staffRules.patternHelp')}</p>
      {own?.message || own?.root?.message ? (
        <p className="text-xs text-red-600">{own.message ?? own.root?.message}</p>
      ) : null}
      {rows.fields.map((r, i) => (
        <fieldset
          key={r.id}
          className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
          data-testid="family-row"
        >
          <div className="grid gap-2 md:grid-cols-4">
            {TEXTS.map((k) => (
              <Field key={k} id={`family-${i}-${k}`} label={t(`staffRules.familyField.${k}`)} error={message(i, k)}>
                <Input id={`family-${i}-${k}`} {...reg(`phraseFamilies.${i}.${k}`)} invalid={Boolean(message(i, k))} />
              </Field>
            ))}
            <Field
              id={`family-${i}-category`}
              label={t('staffRules.familyField.category')}
              error={message(i, 'category')}
            >
              <Select id={`family-${i}-category`} {...reg(`phraseFamilies.${i}.category`)}>
                {PHRASE_CATEGORIES.map((cat) => (
                  <option key={cat} value={cat}>
                    {t(`staffRules.category.${cat}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="grid gap-2 md:grid-cols-3">
            {LINES.map((k) => (
              <Field key={k} id={`family-${i}-${k}`} label={t(`staffRules.familyField.${k}`)} error={message(i, k)}>
                <Textarea
                  id={`family-${i}-${k}`}
                  rows={5}
                  wrap="off"
                  className="font-mono text-xs"
                  {...reg(`phraseFamilies.${i}.${k}`)}
                  invalid={Boolean(message(i, k))}
                />
              </Field>
            ))}
          </div>
          <div className="text-right">
            <Button variant="dangerGhost" onClick={() => rows.remove(i)} data-testid={`family-${i}-remove`}>
              {t('staffRules.removeFamily')}
            </Button>
          </div>
        </fieldset>
      ))}
      <Button
        variant="secondary"
        data-testid="family-add"
        onClick={() =>
          rows.append({
            id: `family-${rows.fields.length + 1}`,
            name: '',
            nameEn: '',
            category: 'threat',
            patterns: '',
            mustMatch: '',
            mustNotMatch: '',
          })
        }
      >
        {t('staffRules.addFamily')}
      </Button>
    </div>
  );
};
