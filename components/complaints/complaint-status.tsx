'use client';

import { useTranslations } from 'use-intl';
import { COMPLAINT_CATEGORIES, type ComplaintCategory, type ComplaintOutcome, type ComplaintStatus } from '@/lib/enums';
import { formatDateTime } from '@/lib/format';
import { Badge, type Tone } from '../ui/badge';
import { Select } from '../ui/field';
import { Td } from '../ui/table';

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
export const ComplaintStatusBadge = ({
  status,
  outcome,
}: {
  status: ComplaintStatus;
  outcome: ComplaintOutcome | null;
}) => {
  const t = useTranslations('complaints');
  return (
    <span className="inline-flex gap-1" data-testid="complaint-status">
      <Badge tone={TONE[status]}>{t(`status.${status}`)}</Badge>
      {status === 'closed' && outcome ? (
        <Badge tone={outcome === 'upheld' ? 'red' : 'slate'}>{t(`outcome.${outcome}`)}</Badge>
      ) : null}
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

/** A list cell: the deadline a complaint waits for, and what it has missed. */
export const DueCell = ({
  dueAt,
  overdue,
}: {
  dueAt: Date | null;
  overdue: readonly ('ack' | 'response' | 'resolution')[];
}) => (
  <Td className="text-xs">
    {dueAt ? <span className="font-mono">{formatDateTime(dueAt)}</span> : '—'}
    <div className="mt-1">
      <OverdueBadges overdue={overdue} />
    </div>
  </Td>
);

/** The complaint categories to choose one from. */
export const CategorySelect = ({
  id,
  value,
  onChange,
  invalid,
}: {
  id: string;
  value: ComplaintCategory | '';
  onChange: (category: ComplaintCategory | '') => void;
  invalid?: boolean;
}) => {
  const t = useTranslations('complaints');
  return (
    <Select
      id={id}
      value={value}
      onChange={(e) => onChange(e.target.value as ComplaintCategory | '')}
      invalid={invalid}
    >
      <option value="">{t('chooseCategory')}</option>
      {COMPLAINT_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {t(`category.${c}`)}
        </option>
      ))}
    </Select>
  );
};
