import { ACTION_TARGETS } from '@/lib/enums';
import { STAGE_CHANNELS, type StagePolicy } from '@/lib/stage-policy';

// The stage policy as a table: a row per channel (the escalation ladder), a column for the
// debtor and one for the debtor's contacts, each cell the first day overdue or "never".

const cell = 'px-2 py-1.5 text-left sm:px-3';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The policy to read: the home page (rendered on the server, hence `t` given), a package's terms, the case page. */
export const StagePolicyTable = ({ policy, t, testId }: { policy: StagePolicy; t: Translate; testId?: string }) => {
  return (
    <table className="w-full text-sm" data-testid={testId}>
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
      <tbody className="divide-y divide-slate-100">
        {STAGE_CHANNELS.map((ch) => (
          <tr key={ch} data-testid={`stage-${ch}`}>
            <td className={`${cell} font-medium text-slate-700`}>{t(`work.channel.${ch}`)}</td>
            {ACTION_TARGETS.map((target) => {
              const day = policy[ch][target];
              return (
                <td
                  key={target}
                  className={`${cell} tabular-nums ${day === null ? 'text-slate-400' : 'text-slate-800'}`}
                >
                  {day === null ? t('stagePolicy.never') : t('stagePolicy.fromDay', { day })}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
};
