'use client';

import { useTranslations } from 'use-intl';
import type { InspectionSampleReason } from '@/lib/call-records';
import { Badge, type Tone } from '../ui/badge';

const TONE: Record<InspectionSampleReason, Tone> = { flagged: 'red', complaint: 'amber', random: 'slate' };

/** Why a call is in the inspection queue: several reasons may hold. */
export const ReasonBadges = ({ reasons }: { reasons: readonly InspectionSampleReason[] }) => {
  const t = useTranslations('inspections');
  return (
    <span className="inline-flex flex-wrap gap-1" data-testid="sample-reasons">
      {reasons.map((r) => (
        <Badge key={r} tone={TONE[r]}>
          {t(`reason.${r}`)}
        </Badge>
      ))}
    </span>
  );
};

/** A score of 100 from basis points, e.g. 8500 → "85.0". */
export const scoreText = (bp: number) => (bp / 100).toFixed(1);
