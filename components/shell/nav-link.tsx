'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

export const NavLink = ({ href, exact, children }: { href: string; exact?: boolean; children: ReactNode }) => {
  const pathname = usePathname();
  const isActive = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={isActive ? 'page' : undefined}
      className={`block rounded-md px-3 py-2 text-sm ${isActive ? 'bg-amber-50 font-medium text-amber-900' : 'text-slate-700 hover:bg-slate-100'}`}
    >
      {children}
    </Link>
  );
};
