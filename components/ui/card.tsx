import type { ReactNode } from 'react';

export const Card = ({
  title,
  actions,
  children,
  className = '',
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) => (
  <section className={`rounded-lg bg-white shadow-sm ring-1 ring-slate-200 ${className}`}>
    {title || actions ? (
      <header className="flex items-center justify-between gap-4 border-b border-slate-100 px-4 py-3">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        <div className="flex items-center gap-2">{actions}</div>
      </header>
    ) : null}
    <div className="p-4">{children}</div>
  </section>
);

export const PageTitle = ({
  title,
  subtitle,
  actions,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) => (
  <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
    <div>
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      {subtitle ? <p className="mt-1 text-sm text-slate-500">{subtitle}</p> : null}
    </div>
    {actions ? <div className="flex gap-2">{actions}</div> : null}
  </div>
);
