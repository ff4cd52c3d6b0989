'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
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
import { EvidencePicker, type Evidence } from './evidence-picker';

/**
 * A creditor complains about the agency working one of its cases, named by contract
 * number; staff complain about any agency, chosen from the admitted ones.
 */
export const OrgComplaintForm = ({ portal }: { portal: 'creditor' | 'staff' }) => {
  const t = useTranslations('complaints');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isStaff = portal === 'staff';
  const [agencyId, setAgencyId] = useState('');
  const [contractNo, setContractNo] = useState('');
  const [category, setCategory] = useState<ComplaintCategory | ''>('');
  const [description, setDescription] = useState('');
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const [formKey, setFormKey] = useState(0);
  const file = useMutation(
    trpc.complaints.file.mutationOptions({
      onSuccess: () => {
        setContractNo('');
        setAgencyId('');
        setCategory('');
        setDescription('');
        setEvidence([]);
        setFormKey((k) => k + 1);
        void queryClient.invalidateQueries({ queryKey: trpc.complaints.list.pathKey() });
      },
    }),
  );
  const error = errorInfo(file.error);
  const fe = error?.fieldErrors ?? {};
  return (
    <Card title={t(isStaff ? 'fileTitleStaff' : 'fileTitle')}>
      <form
        key={formKey}
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          file.mutate({
            caseId: null,
            contractNo: isStaff ? null : contractNo,
            agencyId: isStaff ? agencyId || null : null,
            category: category as ComplaintCategory,
            description,
            evidence,
          });
        }}
        data-testid="org-complaint-form"
      >
        <div className="grid gap-3 sm:grid-cols-2">
          {isStaff ? (
            <Field id="cc-agency" label={t('agency')} error={fe.agencyId}>
              <AgencySelect id="cc-agency" value={agencyId} onChange={setAgencyId} invalid={!!fe.agencyId} />
            </Field>
          ) : (
            <Field id="cc-contract" label={t('field.contractNo')} error={fe.contractNo ?? fe.caseId}>
              <Input
                id="cc-contract"
                value={contractNo}
                onChange={(e) => setContractNo(e.target.value)}
                invalid={!!(fe.contractNo ?? fe.caseId)}
              />
            </Field>
          )}
          <Field id="cc-category" label={t('field.category')} error={fe.category}>
            <CategorySelect id="cc-category" value={category} onChange={setCategory} invalid={!!fe.category} />
          </Field>
        </div>
        <Field id="cc-description" label={t('field.description')} error={fe.description}>
          <Textarea
            id="cc-description"
            rows={4}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            invalid={!!fe.description}
          />
        </Field>
        <Field id="cc-evidence" label={t('field.evidence')}>
          <EvidencePicker onChange={setEvidence} />
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
