import type { ReactNode } from 'react';

export const Table = ({ head, children, testId }: { head: ReactNode[]; children: ReactNode; testId?: string }) => (
  <div className="overflow-x-auto">
    <table data-testid={testId} className="min-w-full divide-y divide-slate-200 text-sm">
      <thead>
        <tr>
          {head.map((h, i) => (
            <th
              key={i}
              scope="col"
              className="whitespace-nowrap px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500"
            >
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">{children}</tbody>
    </table>
  </div>
);

export const Td = ({ children, className = '' }: { children: ReactNode; className?: string }) => (
  <td className={`whitespace-nowrap px-3 py-2 text-slate-700 ${className}`}>{children}</td>
);

export const EmptyRow = ({ colSpan, children }: { colSpan: number; children: ReactNode }) => (
  <tr>
    <td colSpan={colSpan} className="px-3 py-8 text-center text-sm text-slate-500">
      {children}
    </td>
  </tr>
);
