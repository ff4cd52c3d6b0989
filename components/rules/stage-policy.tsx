'use client';

import type { UseFormRegister } from 'react-hook-form';
import { useTranslations } from 'use-intl';
import { ACTION_TARGETS } from '@/lib/enums';
import { STAGE_CHANNELS } from '@/lib/stage-policy';
import { Input } from '../ui/field';

// The stage policy to edit: a row per channel, a text box per person (blank: never).

const cell = 'px-3 py-1.5 text-left';

type StageFormValues = { stagePolicy: Record<string, { debtor: string; contact: string }> };

/** The policy to edit inside a form whose values hold `stagePolicy` as text per cell (blank: never). */
export const StagePolicyFields = ({
  register,
  errorOf,
  idPrefix,
}: {
  register: UseFormRegister<StageFormValues>;
  errorOf: (channel: string, target: string) => string | undefined;
  idPrefix: string;
}) => {
  const t = useTranslations();
  return (
    <div>
      <table className="w-full max-w-xl text-sm" data-testid={`${idPrefix}-stage-policy`}>
        <thead className="text-xs text-slate-500">
          <tr>
            <th className={cell}>{t('stagePolicy.channel')}</th>
            {ACTION_TARGETS.map((target) => (
              <th key={target} className={cell}>
                {t(`stagePolicy.target.${target}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STAGE_CHANNELS.map((ch) => (
            <tr key={ch}>
              <td className={`${cell} font-medium text-slate-700`}>
                <label htmlFor={`${idPrefix}-${ch}-debtor`}>{t(`work.channel.${ch}`)}</label>
              </td>
              {ACTION_TARGETS.map((target) => {
                const error = errorOf(ch, target);
                return (
                  <td key={target} className={cell}>
                    <Input
                      id={`${idPrefix}-${ch}-${target}`}
                      inputMode="numeric"
                      placeholder={t('stagePolicy.never')}
                      aria-label={`${t(`work.channel.${ch}`)} · ${t(`stagePolicy.target.${target}`)}`}
                      {...register(`stagePolicy.${ch}.${target}`)}
                      invalid={Boolean(error)}
                    />
                    {error ? <p className="mt-1 text-xs text-red-600">{error}</p> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-xs text-slate-500">{t('stagePolicy.hint')}</p>
    </div>
  );
};
