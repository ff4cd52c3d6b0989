import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { SmsOutbox } from '@/components/dev/sms-outbox';
import { getServerT } from '@/server/i18n/request-locale';
import { isOutboxInUse } from '@/server/sms/config';
import { withMessages } from '../../../_components/with-messages';

export const generateMetadata = async (): Promise<Metadata> => ({
  title: (await getServerT())('devSms.title'),
  robots: { index: false, follow: false },
});

/**
 * What the platform would have sent by SMS, for developers and the browser tests (which
 * read one-time codes here). Only while the outbox is the provider: with a real one the
 * page does not exist (404), like its procedure devSms.list.
 */
const DevSmsPage = async () => {
  // The provider is the running server's, never the build's.
  await connection();
  if (!isOutboxInUse()) notFound();
  const t = await getServerT();
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-2xl font-semibold text-slate-900" data-testid="dev-sms-title">
        {t('devSms.title')}
      </h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">{t('devSms.intro')}</p>
      <SmsOutbox />
    </main>
  );
};

export default withMessages(DevSmsPage, '(public)/dev/sms/page');
