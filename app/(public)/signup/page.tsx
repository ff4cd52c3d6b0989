import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from '@/components/admission/sign-up-form';
import { getServerT } from '@/server/i18n/request-locale';
import { withMessages } from '../../_components/with-messages';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getServerT())('signup.title') });

const SignUpPage = async () => {
  const t = await getServerT();
  return (
    <main className="mx-auto max-w-2xl px-4 py-12">
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold text-slate-900">{t('signup.title')}</h1>
        <p className="mb-5 mt-1 text-sm text-slate-500">{t('signup.subtitle')}</p>
        <SignUpForm />
        <p className="mt-4 text-center text-sm text-slate-500">
          {t('signup.haveAccount')}{' '}
          <Link href="/signin" className="font-medium text-amber-700 hover:underline">
            {t('signin.submit')}
          </Link>
        </p>
      </div>
    </main>
  );
};

export default withMessages(SignUpPage, '(public)/signup/page');
