'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { ComplaintCategory } from '@/lib/enums';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Input, Textarea } from '../ui/field';
import { AgencySelect } from '../staff/agency-select';
import { CategorySelect } from './complaint-status';
import { EvidencePicker } from './evidence-picker';
import { ZOrgComplaintInput } from '@/server/api/routers/complaints/complaints.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';

const EMPTY = { caseId: null, contractNo: '', agencyId: null, description: '', evidence: [] };

/**
 * A creditor complains about the agency working one of its cases, named by contract
 * number; staff complain about any agency, chosen from the admitted ones.
 */
export const OrgComplaintForm = ({ portal }: { portal: 'creditor' | 'staff' }) => {
  const t = useTranslations('complaints');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isStaff = portal === 'staff';
  const {
    register,
    handleSubmit,
    setValue,
    watch,
    reset,
    formState: { errors },
  } = useZodForm(ZOrgComplaintInput, { defaultValues: EMPTY });
  const file = useMutation(
    trpc.complaints.file.mutationOptions({
      onSuccess: () => {
        reset(EMPTY);
        void queryClient.invalidateQueries({ queryKey: trpc.complaints.list.pathKey() });
      },
    }),
  );
  const error = errorInfo(file.error);
  const fe = error?.fieldErrors ?? {};
  const message = (name: string) => fieldMessage(errors, error, name);
  const category = watch('category') ?? '';
  const agencyId = watch('agencyId') ?? '';
  return (
    <Card title={t(isStaff ? 'fileTitleStaff' : 'fileTitle')}>
      <form
        key={file.data?.id ?? 'new'}
        className="space-y-3"
        onSubmit={handleSubmit((v) =>
          file.mutate({
            ...v,
            contractNo: isStaff ? null : v.contractNo,
            agencyId: isStaff ? v.agencyId : null,
          }),
        )}
        noValidate
        data-testid="org-complaint-form"
      >
        <div className="grid gap-3 sm:grid-cols-2">
          {isStaff ? (
            <Field id="cc-agency" label={t('agency')} error={message('agencyId')}>
              <AgencySelect
                id="cc-agency"
                value={agencyId}
                onChange={(id) => setValue('agencyId', id || null)}
                invalid={!!message('agencyId')}
              />
            </Field>
          ) : (
            <Field id="cc-contract" label={t('field.contractNo')} error={message('contractNo') ?? message('caseId')}>
              <Input
                id="cc-contract"
                {...register('contractNo')}
                invalid={!!(message('contractNo') ?? message('caseId'))}
              />
            </Field>
          )}
          <Field id="cc-category" label={t('field.category')} error={message('category')}>
            <CategorySelect
              id="cc-category"
              value={category}
              onChange={(c) =>
                setValue('category', c as ComplaintCategory, { shouldValidate: Boolean(errors.category) })
              }
              invalid={!!message('category')}
            />
          </Field>
        </div>
        <Field id="cc-description" label={t('field.description')} error={message('description')}>
          <Textarea id="cc-description" rows={4} {...register('description')} invalid={!!message('description')} />
        </Field>
        <Field id="cc-evidence" label={t('field.evidence')} error={message('evidence')}>
          <EvidencePicker onChange={(evidence) => setValue('evidence', evidence)} />
        </Field>
        {error && Object.keys(fe).length === 0 ? <Alert testId="org-complaint-error">{error.message}</Alert> : null}
        {file.data ? (
          <Alert tone="success" testId="org-complaint-filed">
            {t('filedAs')}{' '}
            <Link className="font-mono underline" href={`/${portal}/complaints/${file.data.id}`}>
              {file.data.reference}
            </Link>
          </Alert>
        ) : null}
        <Button type="submit" disabled={file.isPending} data-testid="org-complaint-submit">
          {t('submit')}
        </Button>
      </form>
    </Card>
  );
};
