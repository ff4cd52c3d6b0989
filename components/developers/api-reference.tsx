'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'use-intl';
import type { Locale } from '@/lib/enums';

const Loading = () => {
  const t = useTranslations('developers');
  return <p className="px-4 py-10 text-sm text-slate-500">{t('reference.loading')}</p>;
};

// Scalar is a Vue application that touches the document as it loads: it runs in the browser only.
const ScalarReference = dynamic(() => import('./scalar-reference'), { ssr: false, loading: Loading });

/** The interactive reference of /api/v1, in the page's language; drawn afresh when the language changes. */
export const ApiReference = ({ locale }: { locale: Locale }) => (
  <div data-testid="api-reference" lang={locale}>
    <ScalarReference key={locale} locale={locale} />
  </div>
);
