// next-auth's own redirects (after signing in or out) stay on this site, whatever callback
// the request carried.
import { describe, expect, it } from 'vitest';
import { authOptions } from './options';

const redirect = (url: string) => authOptions.callbacks?.redirect?.({ url, baseUrl: 'http://localhost:3100' });

describe('next-auth redirect callback', () => {
  it('keeps a page of this site', async () => {
    expect(await redirect('/signin')).toBe('http://localhost:3100/signin');
    expect(await redirect('http://localhost:3100/staff/orgs?type=agency')).toBe(
      'http://localhost:3100/staff/orgs?type=agency',
    );
  });

  it.each([
    '/\\evil.example/x',
    '/\t/evil.example/x',
    '//evil.example/x',
    'https://evil.example/x',
    '/.//evil.example/x',
  ])('sends %j home', async (url) => {
    expect(await redirect(url)).toBe('http://localhost:3100/portal');
  });
});

describe('next-auth session cookie', () => {
  it('keeps next-auth’s default cookie, which the requests’ own session reader looks for (session-token.ts)', () => {
    expect(authOptions.cookies).toBeUndefined();
    expect(authOptions.useSecureCookies).toBeUndefined();
  });
});
