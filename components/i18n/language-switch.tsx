'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'use-intl';
import { LOCALES } from '@/lib/enums';

const COOKIE = 'daylight-locale';

export const LanguageSwitch = ({ className = '' }: { className?: string }) => {
  const t = useTranslations('common');
  const locale = useLocale();
  const router = useRouter();
  return (
    <div className={`flex items-center gap-1 text-xs ${className}`} role="group" aria-label={t('language')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          data-testid={`lang-${l}`}
          aria-pressed={l === locale}
          onClick={() => {
            document.cookie = `${COOKIE}=${encodeURIComponent(l)}; path=/; max-age=31536000; samesite=lax`;
            router.refresh();
          }}
          className={`rounded px-2 py-1 ${l === locale ? 'bg-slate-800 text-white' : 'text-slate-600 hover:bg-slate-100'}`}
        >
          {t(`localeName.${l}`)}
        </button>
      ))}
    </div>
  );
};
