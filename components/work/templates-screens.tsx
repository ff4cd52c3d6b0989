'use client';

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { TEMPLATE_CHANNELS, TEMPLATE_STATUSES, type TemplateStatus } from '@/lib/enums';
import { ZSubmitTemplateInput, type TTemplate } from '@/server/api/routers/work/work.schema';
import { formatDateTime } from '@/lib/format';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge, type Tone } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Field, Input, Select } from '../ui/field';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';

const TONE: Record<TemplateStatus, Tone> = { submitted: 'amber', approved: 'green', rejected: 'red' };

const TemplateRows = ({ items, action }: { items: TTemplate[]; action?: (t: TTemplate) => React.ReactNode }) => {
  const t = useTranslations();
  return (
    <Table
      testId="templates-table"
      head={[
        t('templates2.package'),
        t('work.form.channel'),
        t('templates2.titleLabel'),
        t('templates2.body'),
        t('templates2.statusLabel'),
        '',
      ]}
    >
      {items.length === 0 ? (
        <EmptyRow colSpan={6}>{t('templates2.none')}</EmptyRow>
      ) : (
        items.map((tpl) => (
          <tr key={tpl.id} data-testid="template-row">
            <Td>{tpl.packageName}</Td>
            <Td>{t(`work.channel.${tpl.channel}`)}</Td>
            <Td>{tpl.title}</Td>
            <Td className="text-xs">
              <div className="w-80 whitespace-normal">{tpl.body}</div>
            </Td>
            <Td>
              <Badge tone={TONE[tpl.status]}>{t(`templates2.status.${tpl.status}`)}</Badge>
              {tpl.decisionNote ? <div className="text-xs text-slate-500">{tpl.decisionNote}</div> : null}
            </Td>
            <Td>{action?.(tpl)}</Td>
          </tr>
        ))
      )}
    </Table>
  );
};

/** A new template for one of the packages the agency works, checked in the browser and again (forbidden phrases) on the server. */
const TemplateForm = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pkgs = useQuery(trpc.work.packages.queryOptions());
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useZodForm(ZSubmitTemplateInput, { defaultValues: { packageId: '', channel: 'sms', title: '', body: '' } });
  const packageId = watch('packageId');
  const submit = useMutation(
    trpc.work.submitTemplate.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.work.templates.pathKey() }),
    }),
  );
  const error = errorInfo(submit.error);
  const message = (name: string) => fieldMessage(errors, error, name);
  return (
    <form noValidate onSubmit={handleSubmit((values) => submit.mutate(values))}>
      <div className="grid gap-3 md:grid-cols-3">
        <Field id="tpl-package" label={t('templates2.package')} error={message('packageId')}>
          <Select id="tpl-package" {...register('packageId')} invalid={Boolean(message('packageId'))}>
            <option value="">{t('templates2.choosePackage')}</option>
            {(pkgs.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="tpl-channel" label={t('work.form.channel')} error={message('channel')}>
          <Select id="tpl-channel" {...register('channel')}>
            {TEMPLATE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`work.channel.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="tpl-title" label={t('templates2.titleLabel')} error={message('title')}>
          <Input id="tpl-title" {...register('title')} invalid={Boolean(message('title'))} />
        </Field>
      </div>
      <div className="mt-3">
        <Field id="tpl-body" label={t('templates2.body')} error={message('body')} hint={t('templates2.bodyHint')}>
          <textarea
            id="tpl-body"
            rows={4}
            className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-amber-600"
            {...register('body')}
          />
        </Field>
      </div>
      {error && Object.keys(error.fieldErrors).length === 0 ? (
        <div className="mt-3">
          <Alert testId="template-error">{error.message}</Alert>
        </div>
      ) : null}
      {submit.isSuccess ? (
        <div className="mt-3">
          <Alert tone="success" testId="template-submitted">
            {t('templates2.submitted')}
          </Alert>
        </div>
      ) : null}
      <Button type="submit" className="mt-3" disabled={!packageId || submit.isPending} data-testid="template-submit">
        {t('templates2.submit')}
      </Button>
    </form>
  );
};

/** The agency drafts SMS and letter templates for the packages it works; the creditor approves them. */
export const AgencyTemplatesScreen = ({ canSubmit }: { canSubmit: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const list = useQuery(trpc.work.templates.queryOptions({}));
  return (
    <>
      <PageTitle title={t('templates2.title')} subtitle={t('templates2.subtitle')} />
      <div className="space-y-6">
        {canSubmit ? (
          <Card title={t('templates2.new')}>
            <TemplateForm />
          </Card>
        ) : null}
        <Card title={t('templates2.list')}>
          <TemplateRows items={list.data ?? []} />
        </Card>
      </div>
    </>
  );
};

/** Templates agencies submitted for the creditor's packages, to approve or reject. */
export const CreditorTemplatesScreen = ({ canDecide }: { canDecide: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<TemplateStatus | ''>('submitted');
  const list = useInfiniteQuery(
    trpc.templates.list.infiniteQueryOptions(
      { limit: 30, ...(status ? { status } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const decide = useMutation(
    trpc.templates.decide.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.templates.list.pathKey() }),
    }),
  );
  const error = errorInfo(decide.error);
  return (
    <>
      <PageTitle title={t('templates2.creditorTitle')} subtitle={t('templates2.creditorSubtitle')} />
      <Card
        title={t('templates2.list')}
        actions={
          <Select
            aria-label={t('templates2.statusLabel')}
            value={status}
            onChange={(e) => setStatus(e.target.value as TemplateStatus | '')}
            data-testid="template-status-filter"
          >
            <option value="">{t('packages.allStatuses')}</option>
            {TEMPLATE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`templates2.status.${s}`)}
              </option>
            ))}
          </Select>
        }
      >
        {error ? <Alert testId="template-error">{error.message}</Alert> : null}
        <TemplateRows
          items={rowsOf(list.data)}
          action={(tpl) =>
            tpl.status === 'submitted' && canDecide ? (
              <div className="flex gap-1">
                <Button
                  onClick={() => decide.mutate({ templateId: tpl.id, approve: true, note: '' })}
                  disabled={decide.isPending}
                  data-testid="template-approve"
                >
                  {t('restructure.approve')}
                </Button>
                <Button
                  variant="dangerGhost"
                  onClick={() => decide.mutate({ templateId: tpl.id, approve: false, note: '' })}
                  disabled={decide.isPending}
                  data-testid="template-reject"
                >
                  {t('restructure.reject')}
                </Button>
              </div>
            ) : (
              <span className="font-mono text-xs text-slate-500">{formatDateTime(tpl.decidedAt)}</span>
            )
          }
        />
        <LoadMore list={list} />
      </Card>
    </>
  );
};
