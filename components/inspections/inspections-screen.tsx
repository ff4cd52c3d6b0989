'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { InspectionQueue, type InspectionPortal } from './inspection-queue';
import { InspectionList, InspectionResults } from './inspection-results';

const TABS = ['queue', 'results', 'done'] as const;
type Tab = (typeof TABS)[number];

/** The inspection area of a portal: the queue, the month's results, the inspections made. */
export const InspectionsScreen = ({ portal }: { portal: InspectionPortal }) => {
  const t = useTranslations('inspections');
  const [tab, setTab] = useState<Tab>('queue');
  return (
    <div className="space-y-4">
      <nav className="flex gap-1 border-b border-slate-200" aria-label={t('title')}>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            onClick={() => setTab(k)}
            aria-current={tab === k ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === k ? 'border-amber-600 text-amber-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
            data-testid={`tab-${k}`}
          >
            {t(`tab.${k}`)}
          </button>
        ))}
      </nav>
      {tab === 'queue' ? <InspectionQueue portal={portal} /> : null}
      {tab === 'results' ? <InspectionResults portal={portal} /> : null}
      {tab === 'done' ? <InspectionList portal={portal} /> : null}
    </div>
  );
};
