'use client';

import { useTranslations } from 'use-intl';
import type { PackageStatus } from '@/lib/enums';
import { Badge, type Tone } from '../ui/badge';

const TONE: Record<PackageStatus, Tone> = {
  draft: 'slate',
  open: 'blue',
  closed: 'amber',
  offered: 'amber',
  awarded: 'green',
  active: 'green',
  completed: 'slate',
  recalled: 'red',
  cancelled: 'red',
};

export const PackageStatusBadge = ({ status }: { status: PackageStatus }) => {
  const t = useTranslations('packageStatus');
  return (
    <span data-testid="package-status">
      <Badge tone={TONE[status]}>{t(status)}</Badge>
    </span>
  );
};
