'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'use-intl';
import { SANCTION_KINDS } from '@/lib/enums';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Field, Input, Textarea } from '../ui/field';
import { ZProposeSanctionForm } from '@/server/api/routers/sanctions/sanctions.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';

/** The upheld complaint a proposal cites, as staff read it. */
const CitedComplaint = ({ complaintId }: { complaintId: string }) => {
  const t = useTranslations('sanctions');
  const tc = useTranslations('complaints');
  const trpc = useTRPC();
  const query = useQuery(trpc.complaints.get.queryOptions({ complaintId }));
  const c = query.data;
  const error = errorInfo(query.error);
  if (error) return <Alert>{error.message}</Alert>;
  if (!c) return null;
  return (
    <div className="space-y-1 text-sm" data-testid="propose-citation">
      <p>
        <Link className="font-mono text-amber-700 underline" href={`/staff/complaints/${c.id}`}>
          {c.reference}
        </Link>{' '}
        · {tc(`category.${c.category}`)} · {c.agencyName ?? '—'}
      </p>
      {c.finding ? <p className="whitespace-pre-wrap text-slate-700">{t('finding', { finding: c.finding })}</p> : null}
    </div>
  );
};

/** The audit finding a proposal cites: the agency, the record and the auditor's note. */
const CitedAuditItem = ({ itemId }: { itemId: string }) => {
  const t = useTranslations('sanctions');
  const ta = useTranslations('audits');
  const trpc = useTRPC();
  const query = useQuery(trpc.audits.item.queryOptions({ itemId }));
  const d = query.data;
  const error = errorInfo(query.error);
  if (error) return <Alert>{error.message}</Alert>;
  if (!d) return null;
  return (
    <div className="space-y-1 text-sm" data-testid="propose-citation">
      <p className="text-slate-500">{t('auditFinding')}</p>
      <p>
        <Link className="text-amber-700 underline" href={`/staff/audits/${d.audit.id}`}>
          {ta('auditOf', { agency: d.audit.agencyName })}
        </Link>
      </p>
      <p>
        {ta(`kind.${d.item.kind}`)} · <span className="font-mono">{d.item.contractNo}</span> ·{' '}
        {ta(`finding.${d.item.finding ?? 'pass'}`)}
      </p>
      {d.item.note ? <p className="whitespace-pre-wrap text-slate-700">{d.item.note}</p> : null}
    </div>
  );
};

/**
 * Proposing a sanction on the agency a complaint or audit finding is about. A warning,
 * points or a suspension are in force once recorded; a ban waits for a second staff member.
 */
export const ProposeSanctionScreen = ({
  complaintId,
  auditItemId,
}: {
  complaintId: string | null;
  auditItemId: string | null;
}) => {
  const t = useTranslations('sanctions');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const router = useRouter();
  const propose = useMutation(
    trpc.sanctions.propose.mutationOptions({ onSuccess: (s) => router.push(`/staff/sanctions/${s.id}`) }),
  );
  const error = errorInfo(propose.error);
  const fe = error?.fieldErrors ?? {};
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useZodForm(ZProposeSanctionForm, { defaultValues: { kind: 'warning', points: '', endsOn: '', reason: '' } });
  const kind = watch('kind');
  const message = (name: 'points' | 'endsOn' | 'reason') => fieldMessage(errors, error, name);
  const backHref = complaintId ? `/staff/complaints/${complaintId}` : '/staff/sanctions';
  return (
    <>
      <PageTitle
        title={t('proposeTitle')}
        subtitle={t('proposeSubtitle')}
        actions={
          <Link className="text-sm text-amber-700 underline" href={backHref}>
            {tc('cancel')}
          </Link>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card>
            <form
              className="space-y-4"
              onSubmit={handleSubmit((terms) =>
                propose.mutate({ complaintId, auditItemId: complaintId ? null : auditItemId, ...terms }),
              )}
              noValidate
              data-testid="propose-form"
            >
              <fieldset>
                <legend className="mb-2 text-sm font-medium text-slate-700">{t('kindLabel')}</legend>
                <div className="grid gap-2 sm:grid-cols-2">
                  {SANCTION_KINDS.map((k) => (
                    <label
                      key={k}
                      className={`flex cursor-pointer gap-2 rounded-md p-3 text-sm ring-1 ${kind === k ? 'bg-amber-50 ring-amber-500' : 'ring-slate-200'}`}
                    >
                      <input type="radio" {...register('kind')} value={k} data-testid={`kind-${k}`} />
                      <span>
                        <span className="block font-medium text-slate-900">{t(`kind.${k}`)}</span>
                        <span className="block text-xs text-slate-500">{t(`kindHint.${k}`)}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
              {kind === 'points' ? (
                <Field id="propose-points" label={t('points')} error={message('points')} hint={t('pointsHint')}>
                  <Input
                    id="propose-points"
                    {...register('points')}
                    type="number"
                    min={1}
                    max={100}
                    className="max-w-32"
                    invalid={Boolean(message('points'))}
                  />
                </Field>
              ) : null}
              {kind === 'suspension' ? (
                <Field id="propose-endsOn" label={t('endsOn')} error={message('endsOn')} hint={t('endsOnHint')}>
                  <Input
                    id="propose-endsOn"
                    {...register('endsOn')}
                    type="date"
                    className="max-w-48"
                    invalid={Boolean(message('endsOn'))}
                  />
                </Field>
              ) : null}
              {kind === 'ban' ? <Alert testId="propose-ban-note">{t('banFourEyes')}</Alert> : null}
              <Field id="propose-reason" label={t('reason')} error={message('reason')} hint={t('reasonHint')}>
                <Textarea id="propose-reason" {...register('reason')} rows={4} invalid={Boolean(message('reason'))} />
              </Field>
              {error && !fe.reason && !fe.points && !fe.endsOn ? (
                <Alert testId="propose-error">{error.message}</Alert>
              ) : null}
              <div className="flex justify-end">
                <Button
                  type="submit"
                  variant={kind === 'ban' || kind === 'suspension' ? 'danger' : 'primary'}
                  disabled={propose.isPending}
                  data-testid="propose-submit"
                >
                  {kind === 'ban' ? t('proposeBan') : t('record')}
                </Button>
              </div>
            </form>
          </Card>
        </div>
        <Card title={t('citation')}>
          {complaintId ? (
            <CitedComplaint complaintId={complaintId} />
          ) : auditItemId ? (
            <CitedAuditItem itemId={auditItemId} />
          ) : null}
        </Card>
      </div>
    </>
  );
};
