// The API answers in the language the caller prefers (Accept-Language, by weight), Chinese
// when it names neither, and routes `{name}` segments as parameters, never across slashes.
import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from './problem';
import { routerOf } from './router';
import { endpoint } from './endpoint';

describe('localeFromAcceptLanguage', () => {
  it.each([
    [null, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr, en;q=0.5', 'en'],
    ['en;q=0.4, zh-TW;q=0.6', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
    ['de', 'zh-CN'],
  ])('%s → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});

describe('routerOf', () => {
  const at = (method: 'GET' | 'POST', path: string) =>
    endpoint({
      method,
      path,
      operationId: `${method}${path}`,
      tag: 'creditor',
      orgType: 'creditor',
      scope: 'cases:read',
      summary: { zh: '', en: '' },
      responses: {},
      handle: async () => ({ body: null }),
    });
  const route = routerOf([at('GET', '/creditor/cases/{caseId}'), at('POST', '/creditor/cases/batch')]);

  it('matches parameters, decodes them and keeps them inside one segment', () => {
    expect(route('GET', '/creditor/cases/abc%20d')).toMatchObject({ kind: 'found', params: { caseId: 'abc d' } });
    expect(route('GET', '/creditor/cases/a/b')).toEqual({ kind: 'none' });
    expect(route('GET', '/creditor/cases/%E0%A4%A')).toEqual({ kind: 'none' });
  });

  it('tells a wrong method from a path that does not exist', () => {
    expect(route('DELETE', '/creditor/cases/batch')).toEqual({ kind: 'wrongMethod', allowed: ['GET', 'POST'] });
    expect(route('GET', '/nothing')).toEqual({ kind: 'none' });
  });
});
