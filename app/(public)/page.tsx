import Link from 'next/link';
import { formatDate } from '@/lib/format';
import { MIN_VISIT_STAFF } from '@/lib/visits';
import { PHRASE_CATEGORIES } from '@/server/domain/rules/rulebook';
import { getServerCaller } from '@/server/api/server-caller';
import { getRequestLocale, getServerT } from '@/server/i18n/request-locale';
import { StagePolicyTable } from '@/components/rules/stage-policy-table';
import { withMessages } from '../_components/with-messages';

const AUDIENCES = ['creditor', 'agency', 'staff'] as const;
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const LandingPage = async () => {
  const t = await getServerT();
  const isEn = (await getRequestLocale()) === 'en';
  // The published rulebook in force, read as anyone reads it (public.rulebook).
  const { rules, publishedAt } = await (await getServerCaller()).public.rulebook();
  const lines = [
    ['window', { start: hhmm(rules.windowStartMinutes), end: hhmm(rules.windowEndMinutes) }],
    ['calls', { answered: rules.maxAnsweredCallsPerDebtorPerDay, unanswered: rules.maxUnansweredCallsPerNumberPerDay }],
    ['contacts', { failed: rules.contactAfterFailedAttempts }],
    ['stages', {}],
    ['visits', { staff: MIN_VISIT_STAFF }],
    ['words', { count: rules.phraseFamilies.length }],
    ['records', {}],
  ] as const;
  return (
    <main>
      <section className="bg-gradient-to-b from-amber-50 to-slate-50">
        <div className="mx-auto max-w-6xl px-4 py-10 md:py-16">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 md:text-4xl" data-testid="landing-title">
            {t('landing.title')}
          </h1>
          <p className="mt-4 max-w-3xl text-lg text-slate-700">{t('landing.tagline')}</p>
          <div className="mt-8 flex gap-3">
            <Link
              href="/signin"
              className="rounded-md bg-amber-600 px-4 py-2 font-medium text-white hover:bg-amber-700"
            >
              {t('landing.cta')}
            </Link>
            <Link
              href="/signup"
              className="rounded-md bg-white px-4 py-2 font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              {t('signup.link')}
            </Link>
          </div>
        </div>
      </section>
      <section className="mx-auto grid max-w-6xl gap-5 px-4 py-8 md:grid-cols-3 md:py-12">
        {AUDIENCES.map((a) => (
          <div key={a} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 className="font-semibold text-slate-900">{t(`landing.audience.${a}.title`)}</h2>
            <p className="mt-2 text-sm text-slate-600">{t(`landing.audience.${a}.body`)}</p>
          </div>
        ))}
      </section>
      <section className="mx-auto max-w-6xl px-4 pb-16">
        <h2 className="text-xl font-semibold text-slate-900">{t('landing.rulesTitle')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('landing.rulesIntro')}</p>
        <p className="mt-1 text-xs text-slate-500" data-testid="rules-version">
          {t('landing.rulesVersion', { version: rules.version, date: formatDate(publishedAt) })}
        </p>
        <ul className="mt-5 grid items-start gap-3 md:grid-cols-2" data-testid="rules-in-force">
          {lines.map(([key, values]) => (
            <li
              key={key}
              className="rounded-md bg-white px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-200"
              data-testid={`rule-${key}`}
            >
              {t(`landing.rules.${key}`, values)}
              {key === 'stages' ? (
                <div className="mt-2">
                  <StagePolicyTable policy={rules.stagePolicy} t={t} testId="rules-stage-policy" />
                </div>
              ) : null}
              {key === 'words' ? (
                <dl className="mt-2 space-y-2 text-xs text-slate-500">
                  {PHRASE_CATEGORIES.filter((c) => rules.phraseFamilies.some((f) => f.category === c)).map((c) => (
                    <div key={c} className="flex gap-2" data-testid={`rule-words-${c}`}>
                      <dt className="w-24 shrink-0 font-medium text-slate-600">{t(`landing.phraseCategory.${c}`)}</dt>
                      <dd className="space-y-0.5">
                        {rules.phraseFamilies
                          .filter((f) => f.category === c)
                          .map((f) => (
                            <p key={f.id} data-testid="rule-family">
                              <span className="text-slate-700">{isEn ? f.nameEn : f.name}</span>
                              {f.mustMatch[0] ? ` ${t('landing.phraseExample', { example: f.mustMatch[0] })}` : null}
                            </p>
                          ))}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
};

export default withMessages(LandingPage, '(public)/page');
