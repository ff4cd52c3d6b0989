'use client';

import { useTranslations } from 'use-intl';
import { PROVINCES, type Province } from '@/lib/enums';
import { BUCKETS, CURRENT_BUCKET } from '@/lib/cases';
import { Select } from '../ui/field';
import { bucketLabel } from './figures';

/** A province, or any (empty). */
export const ProvinceSelect = ({
  value,
  onChange,
  testId,
}: {
  value: Province | '';
  onChange: (v: Province | '') => void;
  testId?: string;
}) => {
  const t = useTranslations();
  return (
    <Select value={value} onChange={(e) => onChange(e.target.value as Province | '')} data-testid={testId}>
      <option value="">{t('market.any')}</option>
      {PROVINCES.map((p) => (
        <option key={p} value={p}>
          {t(`province.${p}`)}
        </option>
      ))}
    </Select>
  );
};

/** An overdue bucket M1 … M12+ (and M0, current, where a list may hold such cases), or any (empty). */
export const BucketSelect = ({
  value,
  onChange,
  testId,
  withCurrent = false,
}: {
  value: number | '';
  onChange: (v: number | '') => void;
  testId?: string;
  withCurrent?: boolean;
}) => {
  const t = useTranslations();
  return (
    <Select value={value} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : '')} data-testid={testId}>
      <option value="">{t('market.any')}</option>
      {withCurrent && <option value={CURRENT_BUCKET}>{t('cases.currentBucket')}</option>}
      {BUCKETS.map((b) => (
        <option key={b} value={b}>
          {bucketLabel(b)}
        </option>
      ))}
    </Select>
  );
};
