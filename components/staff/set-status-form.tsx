'use client';

import { useTranslations } from 'use-intl';
import { BAN_CATEGORIES, type OrgStatus, type OrgType } from '@/lib/enums';
import { ORG_STATUS_TRANSITIONS } from '@/lib/organizations';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, Input, Select } from '../ui/field';
import type { ErrorInfo } from '../trpc/errors';
import { ZOrgStatusChange, type TOrgStatusChange } from '@/server/api/routers/staff/staff.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';

/**
 * What the status control offers: suspending an admitted organization and lifting its
 * suspension, and banning a creditor. Admission and renewal happen in the admission review;
 * an agency is banned through a sanction (four eyes, every effect in one transaction).
 */
export const statusTargets = (orgType: OrgType, current: OrgStatus): readonly OrgStatus[] =>
  ORG_STATUS_TRANSITIONS[current].filter((s) => !(orgType === 'agency' && s === 'banned'));

export const SetStatusForm = ({
  orgType,
  current,
  isPending,
  error,
  onSubmit,
  onCancel,
}: {
  orgType: OrgType;
  current: OrgStatus;
  isPending: boolean;
  error: ErrorInfo | null;
  onSubmit: (v: TOrgStatusChange) => void;
  onCancel: () => void;
}) => {
  const t = useTranslations();
  const isAgency = orgType === 'agency';
  const targets = statusTargets(orgType, current);
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useZodForm(ZOrgStatusChange, { defaultValues: { status: targets[0], reason: '', banCategory: 'abuse' } });
  const status = watch('status');
  const fe = error?.fieldErrors ?? {};
  const message = (name: 'status' | 'reason' | 'banCategory') => fieldMessage(errors, error, name);
  // The ban category goes with a ban only.
  const submit = ({ banCategory, ...v }: TOrgStatusChange) =>
    onSubmit(v.status === 'banned' ? { ...v, banCategory } : v);
  return (
    <form onSubmit={handleSubmit(submit)} className="space-y-3" noValidate data-testid="set-status-form">
      {error && !fe.reason && !fe.status ? <Alert testId="form-error">{error.message}</Alert> : null}
      <p className="text-sm text-slate-600">
        {t('orgs.currentStatus')}: <strong>{t(`orgStatus.${current}`)}</strong>
      </p>
      {targets.length === 0 ? <Alert testId="status-final">{t('orgs.statusFinal')}</Alert> : null}
      {isAgency && current !== 'banned' ? (
        <Alert tone="info" testId="ban-through-sanction">
          {t('orgs.banThroughSanction')}
        </Alert>
      ) : null}
      <Field id="ss-status" label={t('fields.status')} error={message('status')}>
        <Select id="ss-status" {...register('status')} disabled={targets.length === 0}>
          {targets.map((s) => (
            <option key={s} value={s}>
              {t(`orgStatus.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      {status === 'banned' ? (
        <>
          <Alert>{t('orgs.banWarning')}</Alert>
          <Field id="ss-banCategory" label={t('fields.banCategory')} error={message('banCategory')}>
            <Select id="ss-banCategory" {...register('banCategory')}>
              {BAN_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`banCategory.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
        </>
      ) : null}
      <Field id="ss-reason" label={t('fields.reason')} error={message('reason')} hint={t('orgs.reasonHint')}>
        <Input id="ss-reason" {...register('reason')} invalid={Boolean(message('reason'))} />
      </Field>
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button
          type="submit"
          variant={status === 'banned' || status === 'suspended' ? 'danger' : 'primary'}
          disabled={isPending || !status}
          data-testid="set-status-submit"
        >
          {isPending ? t('common.saving') : t('orgs.applyStatus')}
        </Button>
      </div>
    </form>
  );
};
