import { createTranslator } from 'use-intl/core';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@/lib/enums';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';

export const MESSAGES = { 'zh-CN': zhCN, en } as const;
export type Messages = typeof zhCN;

export const LOCALE_COOKIE = 'daylight-locale';

export const isLocale = (v: unknown): v is Locale =>
  typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/** Reads the locale from a Cookie header; Simplified Chinese unless the user chose English. */
export const localeFromCookieHeader = (cookieHeader: string | null | undefined): Locale => {
  const match = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`));
  const value = match?.[1] ? decodeURIComponent(match[1]) : undefined;
  return isLocale(value) ? value : DEFAULT_LOCALE;
};

export type Translate = (key: string, values?: Record<string, string | number>) => string;

const translators = new Map<Locale, Translate>();

/** A translator for any catalog key; an unknown key returns itself rather than throwing. */
export const getTranslate = (locale: Locale): Translate => {
  const cached = translators.get(locale);
  if (cached) return cached;
  const t = createTranslator({
    locale,
    messages: MESSAGES[locale],
    onError: () => undefined,
    getMessageFallback: ({ namespace, key }) => (namespace ? `${namespace}.${key}` : key),
  }) as unknown as Translate;
  translators.set(locale, t);
  return t;
};

export const hasMessage = (locale: Locale, key: string): boolean => {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
};
