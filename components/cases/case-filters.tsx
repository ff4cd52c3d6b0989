'use client';

import { useTranslations } from 'use-intl';
import { CASE_STATUSES, type CaseStatus, type Province } from '@/lib/enums';
import { BucketSelect, ProvinceSelect } from '../packages/region-selects';
import { Input, Select } from '../ui/field';
import { Filter } from '../ui/filter';

export type CaseFilterValues = { status?: CaseStatus; bucket?: number; province?: Province; contractNo?: string };

/** The filter bar of a case list: status, bucket, province and an exact contract number. */
export const CaseFilters = ({
  value,
  onChange,
  statuses = CASE_STATUSES,
}: {
  value: CaseFilterValues;
  onChange: (v: CaseFilterValues) => void;
  statuses?: readonly CaseStatus[];
}) => {
  const t = useTranslations();
  return (
    <div className="mb-4 grid gap-3 md:grid-cols-4">
      <Filter label={t('cases.statusLabel')}>
        <Select
          value={value.status ?? ''}
          onChange={(e) => onChange({ ...value, status: (e.target.value || undefined) as CaseStatus | undefined })}
          data-testid="case-status-filter"
        >
          <option value="">{t('market.any')}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`caseStatus.${s}`)}
            </option>
          ))}
        </Select>
      </Filter>
      <Filter label={t('cases.bucket')}>
        <BucketSelect
          value={value.bucket ?? ''}
          onChange={(b) => onChange({ ...value, bucket: b === '' ? undefined : b })}
          testId="case-bucket-filter"
          withCurrent
        />
      </Filter>
      <Filter label={t('cases.province')}>
        <ProvinceSelect
          value={value.province ?? ''}
          onChange={(p) => onChange({ ...value, province: p || undefined })}
        />
      </Filter>
      <Filter label={t('cases.contractNo')}>
        <Input
          defaultValue={value.contractNo ?? ''}
          onBlur={(e) => onChange({ ...value, contractNo: e.target.value.trim() || undefined })}
          placeholder={t('cases.contractSearch')}
          data-testid="case-contract-filter"
        />
      </Filter>
    </div>
  );
};
