import type { ReactNode } from 'react';

export const Alert = ({
  tone = 'error',
  children,
  testId,
}: {
  tone?: 'error' | 'success' | 'info';
  children: ReactNode;
  testId?: string;
}) => {
  const styles = {
    error: 'bg-red-50 text-red-800 ring-red-200',
    success: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
    info: 'bg-sky-50 text-sky-800 ring-sky-200',
  }[tone];
  return (
    <div data-testid={testId} className={`rounded-md px-3 py-2 text-sm ring-1 ring-inset ${styles}`}>
      {children}
    </div>
  );
};
