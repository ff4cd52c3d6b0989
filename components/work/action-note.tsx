'use client';

import { useTranslations } from 'use-intl';
import { flagMessage } from '@/lib/flags';
import { Badge } from '../ui/badge';

type Noted = {
  correctsId: string | null;
  note: string;
  flags: { rule: string; values?: Record<string, string | number> | undefined }[];
};

/** An action's note as every history shows it: marked when it corrects another, with the rulebook's flags. */
export const ActionNote = ({ a, width = 'w-72' }: { a: Noted; width?: string }) => {
  const t = useTranslations('work');
  return (
    <div className={`${width} whitespace-normal`}>
      {a.correctsId ? <Badge tone="amber">{t('correction')}</Badge> : null} {a.note}
      {a.flags.map((f, i) => {
        const { key, values } = flagMessage(f);
        return (
          <span key={`${f.rule}-${i}`} className="ml-1">
            <Badge tone="red">{t(`flagged.${key}`, values)}</Badge>
          </span>
        );
      })}
    </div>
  );
};
