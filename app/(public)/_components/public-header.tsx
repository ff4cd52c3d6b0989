import Link from 'next/link';
import { LanguageSwitch } from '@/components/i18n/language-switch';
import { HeaderMenu } from '@/components/public/header-menu';
import { getServerT } from '@/server/i18n/request-locale';

// On a phone each link is a full-width row of the opened menu; from `md` up, a word in the header row.
const link =
  'block rounded-md px-3 py-2.5 text-sm text-slate-700 hover:bg-slate-50 hover:text-amber-700 md:rounded-none md:p-0 md:hover:bg-transparent';

/**
 * The header of every page without an account (app/(public)/layout.tsx): the home page, the
 * agency lists, the disclosures, complaints, sign-in and sign-up, and any page added under
 * app/(public) such as the debtor's own. On a phone the navigation folds behind a menu button
 * (components/public/header-menu.tsx), with the language switch and sign-in at its foot.
 */
export const PublicHeader = async () => {
  const t = await getServerT();
  return (
    <header className="border-b border-slate-200 bg-white">
      <HeaderMenu
        brand={
          <Link href="/" className="flex min-w-0 items-center gap-2">
            <span
              aria-hidden
              className="inline-block h-7 w-7 shrink-0 rounded-full bg-gradient-to-br from-amber-300 to-amber-600"
            />
            <span className="whitespace-nowrap font-semibold text-slate-900" data-testid="header-product">
              {t('common.product')}
            </span>
          </Link>
        }
      >
        <LanguageSwitch className="max-md:order-1 max-md:mt-1 max-md:border-t max-md:border-slate-100 max-md:px-1 max-md:pt-3" />
        <Link href="/agencies" className={link} data-testid="header-agencies">
          {t('publicLists.nav')}
        </Link>
        <Link href="/disclosures" className={link} data-testid="header-disclosures">
          {t('disclosure.publicNav')}
        </Link>
        <Link href="/complaints" className={link} data-testid="header-complaints">
          {t('complaints.publicNav')}
        </Link>
        {/* A full page load, not a client-side move: /developers needs its own Content-Security-Policy
            (server/http/security-headers.ts, UNNONCED_STYLE_PATHS), and a document keeps the policy it was loaded with. */}
        <a href="/developers" className={link} data-testid="header-developers">
          {t('developers.nav')}
        </a>
        <Link href="/signup" className={link} data-testid="header-signup">
          {t('signup.link')}
        </Link>
        <Link
          href="/signin"
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 max-md:order-2 max-md:mt-2 max-md:py-2.5 max-md:text-center"
          data-testid="header-signin"
        >
          {t('signin.submit')}
        </Link>
      </HeaderMenu>
    </header>
  );
};
