import Link from 'next/link';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '@/components/i18n/language-switch';
import { getServerT } from '@/server/i18n/request-locale';
import { WithMessages } from '../_components/with-messages';

const PublicLayout = async ({ children }: { children: ReactNode }) => {
  const t = await getServerT();
  return (
    <WithMessages scope="(public)/layout">
      <div className="flex min-h-screen flex-col">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
            <Link href="/" className="flex items-center gap-2">
              <span
                aria-hidden
                className="inline-block h-7 w-7 rounded-full bg-gradient-to-br from-amber-300 to-amber-600"
              />
              <span className="font-semibold text-slate-900">{t('common.product')}</span>
            </Link>
            <div className="flex items-center gap-3">
              <LanguageSwitch />
              <Link
                href="/agencies"
                className="text-sm text-slate-700 hover:text-amber-700"
                data-testid="header-agencies"
              >
                {t('publicLists.nav')}
              </Link>
              <Link
                href="/disclosures"
                className="text-sm text-slate-700 hover:text-amber-700"
                data-testid="header-disclosures"
              >
                {t('disclosure.publicNav')}
              </Link>
              <Link
                href="/complaints"
                className="text-sm text-slate-700 hover:text-amber-700"
                data-testid="header-complaints"
              >
                {t('complaints.publicNav')}
              </Link>
              {/* A full page load, not a client-side move: /developers needs its own Content-Security-Policy
                  (server/http/security-headers.ts, UNNONCED_STYLE_PATHS), and a document keeps the policy it was loaded with. */}
              <a
                href="/developers"
                className="text-sm text-slate-700 hover:text-amber-700"
                data-testid="header-developers"
              >
                {t('developers.nav')}
              </a>
              <Link href="/signup" className="text-sm text-slate-700 hover:text-amber-700" data-testid="header-signup">
                {t('signup.link')}
              </Link>
              <Link
                href="/signin"
                className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
                data-testid="header-signin"
              >
                {t('signin.submit')}
              </Link>
            </div>
          </div>
        </header>
        <div className="flex-1">{children}</div>
        <footer className="border-t border-slate-200 bg-white py-4 text-center text-xs text-slate-500">
          {t('landing.footer')}
        </footer>
      </div>
    </WithMessages>
  );
};

export default PublicLayout;
