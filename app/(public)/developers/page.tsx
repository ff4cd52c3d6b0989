import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ApiReference } from '@/components/developers/api-reference';
import { DEFAULT_API_RATE_LIMIT, MAX_API_RATE_LIMIT } from '@/lib/api-scopes';
import { ENDPOINTS } from '@/server/api/rest/endpoints';
import { MAX_BATCH_ITEMS } from '@/server/api/rest/placement';
import { getRequestLocale, getServerT } from '@/server/i18n/request-locale';
import { appUrl } from '@/server/mail/mailer';
import { withMessages } from '../../_components/with-messages';
import { developerExamples } from './_components/examples';

// The developers' page of the public API: what it is for, how to get a key and call it, the
// rules every answer follows, worked examples, then the interactive reference of the OpenAPI
// document, all in the visitor's language.

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getServerT())('developers.title') });

/** Counts as the API writes them in either language (10,000). */
const grouped = (n: number) => n.toLocaleString('en');

const SECTIONS = ['key', 'auth', 'errors', 'rate', 'idempotency', 'money', 'examples', 'reference'] as const;

const Code = ({ children, testId }: { children: string; testId?: string }) => (
  <pre
    className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100"
    data-testid={testId}
  >
    <code>{children}</code>
  </pre>
);

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <section id={id} className="scroll-mt-6 border-t border-slate-200 pt-6">
    <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
    <div className="mt-2 space-y-3 text-sm leading-relaxed text-slate-700">{children}</div>
  </section>
);

const DevelopersPage = async () => {
  const t = await getServerT();
  const locale = await getRequestLocale();
  const origin = appUrl();
  const ex = developerExamples(origin, locale);
  const documentUrl = `/api/v1/openapi.json?lang=${locale}`;
  const lists = [
    ['creditors', ['place', 'recall', 'read']],
    ['agencies', ['list', 'check', 'log', 'report']],
  ] as const;
  return (
    <main>
      <div className="mx-auto max-w-6xl px-4 py-10">
        <h1 className="text-2xl font-semibold text-slate-900" data-testid="developers-title">
          {t('developers.title')}
        </h1>
        <p className="mt-3 max-w-4xl text-sm leading-relaxed text-slate-700" data-testid="developers-lead">
          {t('developers.lead')}
        </p>
        <div className="mt-6 grid gap-4 md:grid-cols-2">
          {lists.map(([who, items]) => (
            <div key={who} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <h2 className="font-semibold text-slate-900">{t(`developers.${who}.title`)}</h2>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
                {items.map((item) => (
                  <li key={item}>{t(`developers.${who}.${item}`)}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        <nav aria-label={t('developers.toc')} className="mt-6 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {SECTIONS.map((s) => (
            <a key={s} href={`#${s}`} className="text-amber-700 hover:underline">
              {t(`developers.${s}.title`)}
            </a>
          ))}
        </nav>

        <div className="mt-8 space-y-8">
          <Section id="key" title={t('developers.key.title')}>
            <p>
              {t('developers.key.body', {
                creditorPath: '/creditor/api',
                agencyPath: '/agency/api',
                rate: grouped(DEFAULT_API_RATE_LIMIT),
                max: grouped(MAX_API_RATE_LIMIT),
              })}
            </p>
            <h3 className="pt-2 font-medium text-slate-900">{t('developers.key.scopes')}</h3>
            <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
              <table className="w-full min-w-[44rem] text-left text-sm" data-testid="developers-scopes">
                <thead className="bg-slate-50 text-xs text-slate-500">
                  <tr>
                    <th className="px-3 py-2 font-medium">{t('developers.key.endpointColumn')}</th>
                    <th className="px-3 py-2 font-medium">{t('developers.key.summaryColumn')}</th>
                    <th className="px-3 py-2 font-medium">{t('developers.key.scopeColumn')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {ENDPOINTS.map((e) => (
                    <tr key={e.operationId}>
                      <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">
                        {e.method} /api/v1{e.path}
                      </td>
                      <td className="px-3 py-1.5">{locale === 'en' ? e.summary.en : e.summary.zh}</td>
                      <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{e.scope}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>

          <Section id="auth" title={t('developers.auth.title')}>
            <p>{t('developers.auth.body')}</p>
            <Code>{`Authorization: Bearer dl_live_…`}</Code>
          </Section>
          <Section id="errors" title={t('developers.errors.title')}>
            <p>{t('developers.errors.body')}</p>
          </Section>
          <Section id="rate" title={t('developers.rate.title')}>
            <p>{t('developers.rate.body')}</p>
          </Section>
          <Section id="idempotency" title={t('developers.idempotency.title')}>
            <p>{t('developers.idempotency.body')}</p>
          </Section>
          <Section id="money" title={t('developers.money.title')}>
            <p>{t('developers.money.body')}</p>
          </Section>

          <Section id="examples" title={t('developers.examples.title')}>
            <p>{t('developers.examples.setup')}</p>
            <h3 className="pt-2 font-medium text-slate-900" data-testid="example-place">
              {t('developers.examples.place.title')}
            </h3>
            <p>
              {t('developers.examples.place.body', {
                max: grouped(MAX_BATCH_ITEMS),
                sync: grouped(ex.syncItems),
              })}
            </p>
            <Code>{ex.placeCommand}</Code>
            <p>{t('developers.examples.place.file')}</p>
            <Code>{ex.placeFile}</Code>
            <p>{t('developers.examples.place.answer')}</p>
            <Code>{ex.placeAnswer}</Code>
            <p>{t('developers.examples.place.follow')}</p>
            <Code>{ex.followCommand}</Code>
            <Code>{ex.followAnswer}</Code>
            <h3 className="pt-4 font-medium text-slate-900" data-testid="example-refusal">
              {t('developers.examples.refusal.title')}
            </h3>
            <p>{t('developers.examples.refusal.body')}</p>
            <Code>{ex.logCommand}</Code>
            <p>{t('developers.examples.refusal.answer')}</p>
            <Code testId="example-refusal-answer">{ex.logAnswer}</Code>
          </Section>

          <Section id="reference" title={t('developers.reference.title')}>
            <p>{t('developers.reference.body')}</p>
            <p>
              {t('developers.reference.document')}{' '}
              <a href={documentUrl} className="break-all font-mono text-xs text-amber-700 hover:underline">
                {documentUrl}
              </a>
            </p>
          </Section>
        </div>
      </div>
      <div className="mx-auto max-w-7xl border-t border-slate-200 bg-white">
        <ApiReference locale={locale} />
      </div>
    </main>
  );
};

export default withMessages(DevelopersPage, '(public)/developers/page');
