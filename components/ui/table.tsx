import type { ReactNode } from 'react';

// Below Tailwind's `md` a stacked table drops its columns: each row becomes a card of lines,
// each cell its column's name (Td's `label`) beside the value. Wide screens get the table.
const STACKED =
  'max-md:block max-md:[&_tbody]:block max-md:[&_tr]:block max-md:[&_tr]:py-2 max-md:[&_td]:block max-md:[&_td]:whitespace-normal max-md:[&_td]:break-words max-md:[&_td]:px-1 max-md:[&_td]:py-0.5';

/**
 * A table that scrolls inside its own box when wider than the screen, or, with `isStacked`,
 * a list of cards on a phone (the public pages, read on phones).
 */
export const Table = ({
  head,
  children,
  testId,
  isStacked = false,
}: {
  head: ReactNode[];
  children: ReactNode;
  testId?: string;
  isStacked?: boolean;
}) => (
  <div className={isStacked ? 'md:overflow-x-auto' : 'overflow-x-auto'}>
    <table data-testid={testId} className={`min-w-full divide-y divide-slate-200 text-sm ${isStacked ? STACKED : ''}`}>
      <thead className={isStacked ? 'max-md:sr-only' : undefined}>
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

// The stacked table's cell: its column's name in a narrow column, the value beside it (the table
// makes every cell a block; a labelled one is a row of two, hence the `!`).
const LABELLED =
  'max-md:flex! max-md:items-baseline max-md:gap-2 max-md:before:w-28 max-md:before:shrink-0 max-md:before:font-sans max-md:before:text-xs max-md:before:font-normal max-md:before:text-slate-500 max-md:before:content-[attr(data-label)]';

/** A cell; `label` (its column's name) shows beside the value where the table is stacked on a phone. */
export const Td = ({
  children,
  className = '',
  label,
}: {
  children: ReactNode;
  className?: string;
  label?: string;
}) => (
  <td data-label={label} className={`whitespace-nowrap px-3 py-2 text-slate-700 ${label ? LABELLED : ''} ${className}`}>
    {children}
  </td>
);

export const EmptyRow = ({ colSpan, children }: { colSpan: number; children: ReactNode }) => (
  <tr>
    <td colSpan={colSpan} className="px-3 py-8 text-center text-sm text-slate-500">
      {children}
    </td>
  </tr>
);
