import type { ReactNode } from 'react';

export type Tone = 'green' | 'amber' | 'red' | 'slate' | 'blue';

const TONES: Record<Tone, string> = {
  green: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  red: 'bg-red-50 text-red-700 ring-red-600/20',
  slate: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  blue: 'bg-sky-50 text-sky-700 ring-sky-600/20',
};

export const Badge = ({ tone = 'slate', children }: { tone?: Tone; children: ReactNode }) => (
  <span
    className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}
  >
    {children}
  </span>
);

export const ORG_STATUS_TONE: Record<string, Tone> = {
  active: 'green',
  applicant: 'blue',
  suspended: 'amber',
  banned: 'red',
  expired: 'slate',
};
