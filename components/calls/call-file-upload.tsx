'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { uploadFile } from '../files/upload';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Card } from '../ui/card';
import { ProgressBar } from '../ui/progress';
import { EmptyRow, Table, Td } from '../ui/table';

type Outcome =
  | { ok: true; result: { received: number; stored: number; duplicates: number; matched: number; unmatched: number } }
  | { ok: false; errorCount: number; errors: { row: number; column: string; message: string }[] };

/**
 * A dialer's export (CSV or XLSX, up to 10,000 records): uploaded, then checked and stored
 * all or nothing; a refusal lists each bad cell by row and column.
 */
export const CallFileUpload = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const importFile = useMutation(trpc.calls.importFile.mutationOptions());
  const send = async (file: File) => {
    setOutcome(null);
    setFailure(null);
    setProgress(0);
    try {
      const uploaded = await uploadFile(file, setProgress);
      const answer = await importFile.mutateAsync({ fileId: uploaded.id });
      setOutcome(answer);
      if (answer.ok) await queryClient.invalidateQueries({ queryKey: trpc.calls.pathKey() });
    } catch (e) {
      setFailure(errorInfo(e)?.message ?? t('errors.internal'));
    } finally {
      setProgress(null);
    }
  };
  return (
    <Card title={t('calls.upload.title')}>
      <p className="mb-3 text-sm text-slate-500">{t('calls.upload.hint')}</p>
      <input
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="call-file"
        disabled={progress !== null}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void send(file);
        }}
        className="text-sm"
      />
      {progress !== null ? (
        <div className="mt-3">
          <ProgressBar value={progress} label={t('calls.upload.sending')} />
        </div>
      ) : null}
      {failure ? <Alert testId="call-file-error">{failure}</Alert> : null}
      {outcome?.ok ? (
        <p className="mt-3 text-sm text-emerald-700" data-testid="call-file-result">
          {t('calls.upload.stored', outcome.result)}
        </p>
      ) : null}
      {outcome && !outcome.ok ? (
        <div className="mt-3" data-testid="call-file-errors">
          <Alert>{t('calls.upload.refused', { count: outcome.errorCount })}</Alert>
          <Table head={[t('calls.upload.row'), t('calls.upload.column'), t('calls.upload.reason')]}>
            {outcome.errors.length === 0 ? (
              <EmptyRow colSpan={3}>—</EmptyRow>
            ) : (
              outcome.errors.map((e, i) => (
                <tr key={`${e.row}-${e.column}-${i}`}>
                  <Td className="tabular-nums">{e.row}</Td>
                  <Td>{e.column}</Td>
                  <Td>{e.message}</Td>
                </tr>
              ))
            )}
          </Table>
        </div>
      ) : null}
    </Card>
  );
};
