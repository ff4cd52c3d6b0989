'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'use-intl';

/**
 * The public header's row: the product name, and the navigation given as children. Wide
 * screens (Tailwind's `md` and up) show the navigation in the row; on a phone, where debtors
 * and their families arrive, it folds behind a menu button and opens as a full-width list.
 * The navigation is rendered once, so each link keeps one test id at every width.
 */
export const HeaderMenu = ({ brand, children }: { brand: ReactNode; children: ReactNode }) => {
  const t = useTranslations('common');
  const pathname = usePathname();
  // Open on the page it was opened on: moving to another page closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === pathname;
  const navId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const close = () => setOpenOn(null);
  return (
    <div
      className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 px-4 py-3"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !isOpen) return;
        close();
        button.current?.focus();
      }}
    >
      {brand}
      <button
        ref={button}
        type="button"
        className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 md:hidden"
        aria-expanded={isOpen}
        aria-controls={navId}
        onClick={() => setOpenOn(isOpen ? null : pathname)}
        data-testid="header-menu"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8">
          {isOpen ? (
            <path strokeLinecap="round" d="M5 5l10 10M15 5L5 15" />
          ) : (
            <path strokeLinecap="round" d="M3 5h14M3 10h14M3 15h14" />
          )}
        </svg>
        {t('menu')}
      </button>
      <nav
        id={navId}
        className={`${isOpen ? 'flex' : 'hidden'} mt-3 w-full flex-col gap-1 border-t border-slate-100 pt-2 md:mt-0 md:flex md:w-auto md:flex-row md:items-center md:gap-3 md:border-0 md:pt-0`}
        data-testid="public-nav"
        // A link followed to the page already shown changes no path: close the list all the same.
        onClick={(e) => {
          if (e.target instanceof Element && e.target.closest('a')) close();
        }}
      >
        {children}
      </nav>
    </div>
  );
};
