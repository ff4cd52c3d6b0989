'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Button } from '../ui/button';

/**
 * Downloads a card's inputs, formula version and results as a JSON file: computing
 * formula of its `formulaVersion` on its `inputs` gives its `result` again.
 */
export const ExportButton = ({
  agencyId,
  agencyName,
  month,
  isCompact = false,
}: {
  agencyId: string;
  agencyName: string;
  month: string;
  isCompact?: boolean;
}) => {
  const t = useTranslations('scorecards');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await queryClient.fetchQuery(trpc.scorecards.export.queryOptions({ agencyId, month }));
      const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = t('exportFile', { agency: agencyName, month });
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(errorInfo(e)?.message ?? null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant={isCompact ? 'ghost' : 'secondary'}
        className={isCompact ? 'px-2 text-amber-700' : ''}
        onClick={() => void download()}
        disabled={isBusy}
        data-testid="scorecard-export"
      >
        {isCompact ? t('exportShort') : t('export')}
      </Button>
      {error ? <span className="text-xs text-red-600">{error}</span> : null}
    </span>
  );
};
