'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '../trpc/react';
import { Select } from '../ui/field';

/** The platform's agencies to choose one from (staff screens: audits, complaints raised by staff). */
export const AgencySelect = ({
  id,
  value,
  onChange,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (agencyId: string) => void;
  invalid?: boolean;
}) => {
  const t = useTranslations('complaints');
  const trpc = useTRPC();
  const agencies = useQuery(trpc.staff.orgs.list.queryOptions({ type: 'agency', limit: 100 }));
  return (
    <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} invalid={invalid}>
      <option value="">{t('chooseAgency')}</option>
      {(agencies.data?.items ?? []).map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </Select>
  );
};
