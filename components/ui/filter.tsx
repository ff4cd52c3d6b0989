import type { ReactNode } from 'react';

/** A labelled control in a list's filter bar. */
export const Filter = ({
  label,
  className = '',
  children,
}: {
  label: ReactNode;
  className?: string;
  children: ReactNode;
}) => (
  <label className={`text-sm ${className}`}>
    <span className="mb-1 block text-slate-600">{label}</span>
    {children}
  </label>
);
