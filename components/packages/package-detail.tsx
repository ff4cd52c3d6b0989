'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { ZCancelForm, ZOfferForm, type TCreditorPackage } from '@/server/api/routers/packages/packages.schema';
import { bpToPercent, formatDate, formatDateTime } from '@/lib/format';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Input, Select } from '../ui/field';
import { StagePolicyTable } from '../rules/stage-policy-table';
import { AwardForm } from './award-form';
import { BidsTable } from './bids-table';
import { FiguresCard } from './figures';
import { PackageStatusBadge } from './package-status';
import { TermsForm } from './terms-form';

const TermsSummary = ({ pkg }: { pkg: TCreditorPackage }) => {
  const t = useTranslations();
  const rows: [string, string][] = [
    [t('packages.terms.closesAt'), formatDateTime(pkg.closesAt)],
    [t('packages.terms.commission'), `${pkg.commissionStart ?? '—'} ~ ${pkg.commissionEnd ?? '—'}`],
    [t('packages.terms.reserveFee'), pkg.reserveFeeBp === null ? '—' : `${bpToPercent(pkg.reserveFeeBp)}%`],
    [
      t('packages.terms.expectedRecovery'),
      pkg.expectedRecoveryBp === null ? '—' : `${bpToPercent(pkg.expectedRecoveryBp)}%`,
    ],
    [
      t('packages.terms.minTier'),
      pkg.minTier ? t('packages.terms.tierOrBetter', { tier: pkg.minTier }) : t('packages.terms.anyTier'),
    ],
    [
      t('packages.terms.minScore'),
      pkg.minScore === null ? t('packages.terms.anyScore') : t('packages.terms.scoreOrMore', { score: pkg.minScore }),
    ],
    [
      t('packages.terms.bidderCircle'),
      pkg.bidderCircle === 'all'
        ? t('packages.terms.circleAll')
        : t('packages.terms.circleInvitedCount', { count: pkg.invitedAgencyIds.length }),
    ],
    [t('packages.terms.channels'), pkg.allowedChannels.map((c) => t(`channel.${c}`)).join('、')],
    [
      t('packages.terms.bands'),
      t('packages.terms.bandsValue', { reduction: bpToPercent(pkg.maxReductionBp), instalments: pkg.maxInstalments }),
    ],
    [t('packages.terms.instalmentGrace'), String(pkg.instalmentGraceDays)],
  ];
  return (
    <>
      <dl className="grid gap-x-6 gap-y-2 text-sm md:grid-cols-2" data-testid="terms-summary">
        {rows.map(([k, v]) => (
          <div key={k} className="flex gap-2">
            <dt className="w-32 shrink-0 text-slate-500">{k}</dt>
            <dd className="text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      {pkg.stagePolicy ? (
        <div className="mt-4 max-w-xl">
          <div className="mb-1 text-sm text-slate-500">{t('packages.terms.ownStagePolicy')}</div>
          <StagePolicyTable policy={pkg.stagePolicy} t={t} testId="package-stage-policy" />
        </div>
      ) : null}
    </>
  );
};

const OfferForm = ({ pkg }: { pkg: TCreditorPackage }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const agencies = useQuery(trpc.packages.agencies.queryOptions());
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZOfferForm, { defaultValues: { agencyId: '', feeBp: '' } });
  const offer = useMutation(
    trpc.packages.offer.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.packages.get.queryKey({ packageId: pkg.id }), next),
    }),
  );
  const error = errorInfo(offer.error);
  const problems = [fieldMessage(errors, error, 'agencyId'), fieldMessage(errors, error, 'feeBp')].filter(Boolean);
  return (
    <form
      className="space-y-2"
      noValidate
      onSubmit={handleSubmit((values) => offer.mutate({ packageId: pkg.id, ...values }))}
    >
      <p className="text-sm text-slate-600">{t('packages.offer.intro')}</p>
      <div className="flex flex-wrap items-end gap-2">
        <Select
          aria-label={t('packages.offer.agency')}
          {...register('agencyId')}
          invalid={Boolean(errors.agencyId)}
          className="max-w-xs"
          data-testid="offer-agency"
        >
          <option value="">{t('packages.offer.chooseAgency')}</option>
          {(agencies.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} {a.tier ? `(${a.tier})` : ''}
            </option>
          ))}
        </Select>
        <Input
          aria-label={t('packages.offer.fee')}
          placeholder={t('packages.offer.fee')}
          {...register('feeBp')}
          invalid={Boolean(errors.feeBp)}
          className="max-w-32"
          data-testid="offer-fee"
        />
        <Button type="submit" variant="secondary" disabled={offer.isPending} data-testid="offer-send">
          {t('packages.offer.send')}
        </Button>
      </div>
      {problems.map((m) => (
        <p key={m} className="text-xs text-red-600" data-testid="offer-error">
          {m}
        </p>
      ))}
      {error && Object.keys(error.fieldErrors).length === 0 ? <Alert>{error.message}</Alert> : null}
    </form>
  );
};

/** Cancelling a draft or open package, for a reason. */
const CancelForm = ({ packageId, onChanged }: { packageId: string; onChanged: (next: TCreditorPackage) => void }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const cancel = useMutation(trpc.packages.cancel.mutationOptions({ onSuccess: onChanged }));
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZCancelForm, { defaultValues: { reason: '' } });
  const error = errorInfo(cancel.error);
  const message = fieldMessage(errors, error, 'reason');
  return (
    <form className="space-y-1" noValidate onSubmit={handleSubmit((values) => cancel.mutate({ packageId, ...values }))}>
      <div className="flex flex-wrap items-end gap-2">
        <Input
          aria-label={t('packages.cancelReason')}
          placeholder={t('packages.cancelReason')}
          {...register('reason')}
          invalid={Boolean(message)}
          className="max-w-md"
        />
        <Button type="submit" variant="danger" disabled={cancel.isPending} data-testid="package-cancel">
          {t('packages.cancel')}
        </Button>
      </div>
      {message ? (
        <p className="text-xs text-red-600" data-testid="package-cancel-error">
          {message}
        </p>
      ) : null}
      {error && Object.keys(error.fieldErrors).length === 0 ? (
        <Alert testId="package-error">{error.message}</Alert>
      ) : null}
    </form>
  );
};

/** One package as its creditor sees it: figures, terms, bids, and the step its status allows. */
export const PackageDetail = ({ packageId, canManage }: { packageId: string; canManage: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.packages.get.queryOptions({ packageId }));
  const pkg = query.data;
  const showBids = pkg && pkg.status !== 'draft' && pkg.status !== 'offered';
  const bids = useQuery({ ...trpc.packages.bids.queryOptions({ packageId }), enabled: Boolean(showBids) });
  const onChanged = (next: TCreditorPackage) =>
    queryClient.setQueryData(trpc.packages.get.queryKey({ packageId }), next);
  const open = useMutation(trpc.packages.open.mutationOptions({ onSuccess: onChanged }));
  const error = errorInfo(query.error) ?? errorInfo(open.error);
  return (
    <>
      <PageTitle
        title={pkg?.name ?? t('packages.title')}
        subtitle={pkg ? t('packages.createdAt', { at: formatDate(pkg.createdAt) }) : undefined}
        actions={
          <Link className="text-sm text-amber-700 underline" href="/creditor/packages">
            {t('packages.back')}
          </Link>
        }
      />
      {error ? <Alert testId="package-error">{error.message}</Alert> : null}
      {pkg ? (
        <div className="space-y-6">
          <Card title={t('packages.statusLabel')} actions={<PackageStatusBadge status={pkg.status} />}>
            <p className="text-sm text-slate-700" data-testid="package-next-step">
              {t(`packages.next.${pkg.status}`, {
                closesAt: formatDateTime(pkg.closesAt),
                expiresAt: formatDateTime(pkg.offerExpiresAt),
              })}
            </p>
            {pkg.status === 'awarded' || pkg.status === 'completed' ? (
              <Link
                className="mt-2 inline-block text-sm text-amber-700 underline"
                href={`/creditor/cases?packageId=${pkg.id}`}
                data-testid="package-cases-link"
              >
                {t('packages.seeCases')}
              </Link>
            ) : null}
          </Card>
          <FiguresCard figures={pkg.figures} />
          <Card title={t('packages.terms.title')}>
            {pkg.status === 'draft' && canManage ? <TermsForm pkg={pkg} /> : <TermsSummary pkg={pkg} />}
            {pkg.status === 'draft' && canManage ? (
              <div className="mt-6 space-y-4 border-t border-slate-100 pt-4">
                <Button
                  onClick={() => open.mutate({ packageId })}
                  disabled={open.isPending || !pkg.closesAt}
                  data-testid="package-open"
                >
                  {t('packages.open')}
                </Button>
                <OfferForm pkg={pkg} />
              </div>
            ) : null}
          </Card>
          {showBids ? (
            <Card title={t('bids.title', { count: bids.data?.length ?? 0 })}>
              <BidsTable bids={bids.data ?? []} reserveFeeBp={pkg.reserveFeeBp} />
              {pkg.status === 'closed' && canManage ? (
                <div className="mt-6 border-t border-slate-100 pt-4">
                  <h3 className="mb-3 text-sm font-semibold text-slate-900">{t('award.title')}</h3>
                  <AwardForm pkg={pkg} bids={bids.data ?? []} />
                </div>
              ) : null}
            </Card>
          ) : null}
          {canManage && (pkg.status === 'draft' || pkg.status === 'open') ? (
            <Card title={t('packages.cancelTitle')}>
              <CancelForm packageId={packageId} onChanged={onChanged} />
            </Card>
          ) : null}
        </div>
      ) : null}
    </>
  );
};
