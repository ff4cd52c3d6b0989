import 'server-only';
import { cookies } from 'next/headers';
import type { Locale } from '@/lib/enums';
import { getTranslate, isLocale, LOCALE_COOKIE } from './translate';
import { DEFAULT_LOCALE } from '@/lib/enums';

export const getRequestLocale = async (): Promise<Locale> => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
};

/** Translator for server components, in the locale the visitor chose. */
export const getServerT = async () => getTranslate(await getRequestLocale());
