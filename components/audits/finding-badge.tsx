'use client';

import { useTranslations } from 'use-intl';
import type { AuditFinding } from '@/lib/enums';
import { Badge, type Tone } from '../ui/badge';

const FINDING_TONE: Record<AuditFinding, Tone> = { pass: 'green', issue: 'amber', violation: 'red' };

export const FindingBadge = ({ finding }: { finding: AuditFinding | null }) => {
  const t = useTranslations('audits');
  return finding ? (
    <Badge tone={FINDING_TONE[finding]}>{t(`finding.${finding}`)}</Badge>
  ) : (
    <Badge>{t('unreviewed')}</Badge>
  );
};

/** A new audit: the agency, the period, and a random share or chosen contract numbers. */
