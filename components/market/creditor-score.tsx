'use client';

import { useTranslations } from 'use-intl';
import { scoreText } from '../scorecards/score';
import { Badge, type Tone } from '../ui/badge';

/** How a creditor's score reads at a glance: 80 and above good, 60 and above fair, below that poor. */
const toneOf = (bp: number): Tone => (bp >= 8_000 ? 'green' : bp >= 6_000 ? 'amber' : 'red');

/**
 * A creditor's current scorecard score as agencies see it beside its packages: the score
 * with the month of the card it comes from (in a list, the score alone and the month on
 * hover), or that it has none yet.
 */
export const CreditorScore = ({
  score,
  isCompact = false,
  testId = 'creditor-score',
}: {
  score: { scoreBp: number; month: string } | null;
  isCompact?: boolean;
  testId?: string;
}) => {
  const t = useTranslations('market');
  if (!score)
    return (
      <span className="text-xs text-slate-400" data-testid={testId}>
        {t('creditorScoreNone')}
      </span>
    );
  const full = t('creditorScoreOf', { score: scoreText(score.scoreBp), month: score.month });
  return (
    <span title={isCompact ? `${full} · ${t('creditorScoreHint')}` : t('creditorScoreHint')} data-testid={testId}>
      <Badge tone={toneOf(score.scoreBp)}>{isCompact ? scoreText(score.scoreBp) : full}</Badge>
    </span>
  );
};
