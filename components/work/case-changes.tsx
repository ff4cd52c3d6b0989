'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { FINDING_SOURCES } from '@/lib/enums';
import { formatDate, formatDateTime, formatFen } from '@/lib/format';
import { ZFindingForm, type TCaseChange, type TWorkCase } from '@/server/api/routers/work/work.schema';
import { uploadFile, UploadError } from '../files/upload';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Input, Select } from '../ui/field';
import { ProgressBar } from '../ui/progress';
import { EmptyRow, Table, Td } from '../ui/table';

// Debtor data changes (失联修复): the agency records what it found; agency and creditor read
// the history, numbers masked, each change with its source.

type Value = TCaseChange['oldValue'];

const ValueText = ({ v }: { v: Value }) => {
  const t = useTranslations('caseChanges');
  if (!v) return <span className="text-slate-400">—</span>;
  switch (v.kind) {
    case 'phone':
      return (
        <span>
          <span className="font-mono">{v.masked}</span>{' '}
          <span className="text-xs text-slate-500">{t('position', { n: v.position + 1 })}</span>
        </span>
      );
    case 'contact':
      return <span>{t('contactValue', { name: v.name, relation: v.relation, phone: v.masked })}</span>;
    case 'address':
      return <span>{v.address ?? '—'}</span>;
    default:
      return <span className="tabular-nums">{formatFen(v.amount)}</span>;
  }
};

/** A case's change history, newest first: what changed from what to what, where it came from, who recorded it. */
export const ChangesTable = ({ changes, isLoading }: { changes: TCaseChange[]; isLoading: boolean }) => {
  const t = useTranslations('caseChanges');
  const tc = useTranslations('common');
  const head = [t('at'), t('change'), t('from'), t('to'), t('source'), t('by')];
  return (
    <Table testId="case-changes" head={head}>
      {isLoading ? (
        <EmptyRow colSpan={head.length}>{tc('loading')}</EmptyRow>
      ) : changes.length === 0 ? (
        <EmptyRow colSpan={head.length}>{t('empty')}</EmptyRow>
      ) : (
        changes.map((c) => (
          <tr key={c.id} data-testid="case-change-row">
            <Td className="font-mono text-xs">{formatDateTime(c.createdAt)}</Td>
            <Td>{t(`field.${c.field}`)}</Td>
            <Td className="whitespace-normal">
              <ValueText v={c.oldValue} />
            </Td>
            <Td className="whitespace-normal">
              <ValueText v={c.newValue} />
            </Td>
            <Td className="max-w-xs text-xs whitespace-normal">
              <Badge tone={c.source === 'creditor_file' ? 'blue' : 'amber'}>{t(`sourceName.${c.source}`)}</Badge>
              {c.note ? <span className="mt-1 block text-slate-600">{c.note}</span> : null}
              {c.evidence ? (
                <a
                  className="block text-amber-700 underline"
                  href={`/api/files/${c.evidence.fileId}`}
                  target="_blank"
                  rel="noreferrer"
                  data-testid="change-evidence"
                >
                  {t('viewEvidence')}
                </a>
              ) : null}
            </Td>
            <Td className="text-xs">
              {c.actorName}
              <span className="block text-slate-500">{c.orgName}</span>
            </Td>
          </tr>
        ))
      )}
    </Table>
  );
};

/** Where a number came from and whether it is still in use, beside the number. */
export const NumberTags = ({
  source,
  addedAt,
  retiredAt,
}: {
  source: TWorkCase['phones'][number]['source'];
  addedAt: string | null;
  retiredAt: string | null;
}) => {
  const t = useTranslations('caseChanges');
  return (
    <span className="flex flex-wrap items-center gap-1">
      {retiredAt ? (
        <span data-testid="number-retired">
          <Badge tone="red">{t('retiredOn', { date: formatDate(new Date(retiredAt)) })}</Badge>
        </span>
      ) : null}
      {source ? (
        <span title={addedAt ? t('addedOn', { date: formatDate(new Date(addedAt)) }) : undefined}>
          <Badge tone={source === 'creditor_file' ? 'blue' : 'amber'}>{t(`sourceName.${source}`)}</Badge>
        </span>
      ) : null}
    </span>
  );
};

/** The agency's form for a number or an address it found, with its source, a note and optional evidence. */
const FindingForm = ({ c }: { c: TWorkCase }) => {
  const t = useTranslations('caseChanges.form');
  const ts = useTranslations('caseChanges');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [evidence, setEvidence] = useState<{ id: string; name: string } | null>(null);
  const [uploading, setUploading] = useState<{ name: string; progress: number } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    reset,
    formState: { errors },
  } = useZodForm(ZFindingForm, { defaultValues: { kind: 'phone', value: '', source: 'debtor', note: '' } });
  const kind = watch('kind');
  const record = useMutation(
    trpc.work.recordFinding.mutationOptions({
      onSuccess: () => {
        reset({ kind, value: '', source: 'debtor', note: '' });
        setEvidence(null);
        void queryClient.invalidateQueries({ queryKey: trpc.work.case.queryKey({ caseId: c.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.work.changes.queryKey({ caseId: c.id }) });
      },
    }),
  );
  const error = errorInfo(record.error);
  const valueMessage = fieldMessage(errors, error, 'value') ?? error?.fieldErrors[kind]?.[0];
  const onEvidence = async (file: File | undefined) => {
    if (!file) return;
    setUploadError(null);
    setUploading({ name: file.name, progress: 0 });
    try {
      const stored = await uploadFile(file, (progress) => setUploading({ name: file.name, progress }));
      setEvidence({ id: stored.id, name: file.name });
    } catch (e) {
      if (e instanceof UploadError) setUploadError(e.info.message);
    } finally {
      setUploading(null);
    }
  };
  return (
    <form
      className="space-y-4"
      data-testid="finding-form"
      noValidate
      onSubmit={handleSubmit((f) =>
        record.mutate({
          caseId: c.id,
          source: f.source,
          note: f.note,
          evidenceFileId: evidence?.id ?? null,
          ...(f.kind === 'phone' ? { kind: 'phone', phone: f.value } : { kind: 'address', address: f.value }),
        }),
      )}
    >
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="finding-kind" label={t('kind')}>
          <Select id="finding-kind" {...register('kind')}>
            <option value="phone">{t('kindPhone')}</option>
            <option value="address">{t('kindAddress')}</option>
          </Select>
        </Field>
        <Field id="finding-value" label={kind === 'phone' ? t('phone') : t('address')} error={valueMessage}>
          <Input
            id="finding-value"
            invalid={Boolean(valueMessage)}
            inputMode={kind === 'phone' ? 'tel' : 'text'}
            {...register('value')}
          />
        </Field>
        <Field id="finding-source" label={t('source')} error={fieldMessage(errors, error, 'source')}>
          <Select id="finding-source" {...register('source')}>
            {FINDING_SOURCES.map((s) => (
              <option key={s} value={s}>
                {ts(`sourceName.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field id="finding-note" label={t('note')} error={fieldMessage(errors, error, 'note')}>
        <Input id="finding-note" {...register('note')} />
      </Field>
      <Field id="finding-evidence" label={t('evidence')} error={error?.fieldErrors.evidenceFileId?.[0]}>
        <input
          id="finding-evidence"
          type="file"
          accept="image/*,audio/*,video/*,application/pdf"
          className="block text-sm"
          data-testid="finding-evidence"
          disabled={uploading !== null}
          onChange={(e) => void onEvidence(e.target.files?.[0])}
        />
      </Field>
      {uploading ? (
        <ProgressBar value={uploading.progress} label={uploading.name} testId="finding-evidence-progress" />
      ) : null}
      {evidence ? (
        <p className="text-xs text-emerald-700" data-testid="finding-evidence-uploaded">
          {t('uploaded', { name: evidence.name })}
        </p>
      ) : null}
      {uploadError ? <Alert testId="finding-upload-error">{uploadError}</Alert> : null}
      {error && !valueMessage ? <Alert testId="finding-error">{error.message}</Alert> : null}
      {record.isSuccess ? (
        <Alert tone="success" testId="finding-saved">
          {t('saved')}
        </Alert>
      ) : null}
      <Button type="submit" disabled={record.isPending || uploading !== null} data-testid="finding-submit">
        {t('submit')}
      </Button>
    </form>
  );
};

/** The agency's card: record a finding (unless the commission is frozen) and read the history. */
export const FindingCard = ({ c }: { c: TWorkCase }) => {
  const t = useTranslations('caseChanges');
  const trpc = useTRPC();
  const changes = useQuery(trpc.work.changes.queryOptions({ caseId: c.id }));
  return (
    <Card title={t('form.title')}>
      <div className="space-y-6">
        {c.commissionFrozenAt ? null : <FindingForm c={c} />}
        <div>
          <h3 className="mb-2 text-sm font-medium text-slate-700">{t('title')}</h3>
          <ChangesTable changes={changes.data ?? []} isLoading={changes.isPending} />
        </div>
      </div>
    </Card>
  );
};

/** The creditor's (and staff's) card: every change of the case's debtor data. */
export const RecordChangesCard = ({ caseId }: { caseId: string }) => {
  const t = useTranslations('caseChanges');
  const trpc = useTRPC();
  const changes = useQuery(trpc.record.changes.queryOptions({ caseId }));
  return (
    <Card title={t('title')}>
      <ChangesTable changes={changes.data ?? []} isLoading={changes.isPending} />
    </Card>
  );
};
