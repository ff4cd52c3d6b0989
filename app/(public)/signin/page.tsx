import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/components/auth/sign-in-form';
import { DemoAccounts } from '@/components/auth/demo-accounts';
import { DEMO_PASSWORD, demoAccounts } from '@/db/seed/demo';
import { showDemoAccounts } from '@/server/env';
import { getServerT } from '@/server/i18n/request-locale';
import { withMessages } from '../../_components/with-messages';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getServerT())('signin.title') });

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

const SignInPage = async ({ searchParams }: Props) => {
  const t = await getServerT();
  const { callbackUrl, error } = await searchParams;
  const isDemo = showDemoAccounts();
  return (
    <main className={`mx-auto grid max-w-5xl gap-8 px-4 py-12 ${isDemo ? 'md:grid-cols-2' : 'max-w-md'}`}>
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold text-slate-900">{t('signin.title')}</h1>
        <p className="mb-5 mt-1 text-sm text-slate-500">{t('signin.subtitle')}</p>
        <SignInForm callbackUrl={callbackUrl ?? null} initialError={error ?? null} />
        <p className="mt-4 text-center text-sm text-slate-500">
          {t('signup.noAccount')}{' '}
          <Link href="/signup" className="font-medium text-amber-700 hover:underline">
            {t('signup.link')}
          </Link>
        </p>
      </div>
      {isDemo ? <DemoAccounts accounts={demoAccounts()} password={DEMO_PASSWORD} /> : null}
    </main>
  );
};

export default withMessages(SignInPage, '(public)/signin/page');
