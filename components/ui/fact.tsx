import type { ReactNode } from 'react';

/** One labelled fact of a detail page's description list. */
export const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <div>
    <dt className="text-xs text-slate-500">{label}</dt>
    <dd className="text-sm text-slate-900" data-testid={testId}>
      {children}
    </dd>
  </div>
);
