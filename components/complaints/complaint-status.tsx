'use client';

import { useTranslations } from 'use-intl';
import type { ComplaintOutcome, ComplaintStatus } from '@/db/enums';
import { Badge, type Tone } from '../ui/badge';

const TONE: Record<ComplaintStatus, Tone> = {
  received: 'amber',
  acknowledged: 'blue',
  investigating: 'blue',
  awaiting_response: 'amber',
  upheld: 'red',
  dismissed: 'slate',
  closed: 'slate',
};

/** The complaint's status; a closed one says what was decided. */
export const ComplaintStatusBadge = ({ status, outcome }: { status: ComplaintStatus; outcome: ComplaintOutcome | null }) => {
  const t = useTranslations('complaints');
  return (
    <span className="inline-flex gap-1" data-testid="complaint-status">
      <Badge tone={TONE[status]}>{t(`status.${status}`)}</Badge>
      {status === 'closed' && outcome ? <Badge tone={outcome === 'upheld' ? 'red' : 'slate'}>{t(`outcome.${outcome}`)}</Badge> : null}
    </span>
  );
};

/** Missed deadlines, in red: acknowledgement, the agency's answer, resolution. */
export const OverdueBadges = ({ overdue }: { overdue: readonly ('ack' | 'response' | 'resolution')[] }) => {
  const t = useTranslations('complaints');
  if (overdue.length === 0) return null;
  return (
    <span className="inline-flex flex-wrap gap-1" data-testid="complaint-overdue">
      {overdue.map((o) => (
        <Badge key={o} tone="red">
          {t(`overdue.${o}`)}
        </Badge>
      ))}
    </span>
  );
};
