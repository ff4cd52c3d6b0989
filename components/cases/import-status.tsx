'use client';

import { useTranslations } from 'use-intl';
import type { ImportStatus } from '@/lib/enums';
import { Badge, type Tone } from '../ui/badge';

const TONE: Record<ImportStatus, Tone> = { queued: 'slate', running: 'blue', succeeded: 'green', failed: 'red' };

export const ImportStatusBadge = ({ status }: { status: ImportStatus }) => {
  const t = useTranslations('imports.status');
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
};
