// After sign-in the browser goes back where it was going, but only ever to a page of this
// site: whatever the address bar carried, the path is read the way the browser will read it
// (backslashes, tabs, `/./` segments) and anything landing on another host goes home.
import { describe, expect, it } from 'vitest';
import { PORTAL_HOME, callbackPath } from './callback-url';

const ORIGIN = 'http://localhost:3100';

describe('callbackPath', () => {
  it.each([
    ['/creditor/cases?status=open#top', '/creditor/cases?status=open#top'],
    ['/staff', '/staff'],
    ['/%5Cevil.example/x', '/%5Cevil.example/x'],
    [`${ORIGIN}/agency/market`, '/agency/market'],
  ])('keeps a path of this site: %s', (value, expected) => {
    expect(callbackPath(value, ORIGIN)).toBe(expected);
  });

  it.each([
    ['a backslash', '/\\evil.example/x'],
    ['two backslashes', '\\\\evil.example/x'],
    ['a tab', '/\t/evil.example/x'],
    ['a newline', '/\n/evil.example/x'],
    ['a protocol-relative address', '//evil.example/x'],
    ['a dot segment collapsing into //', '/.//evil.example/x'],
    ['an absolute address', 'https://evil.example/x'],
    ['the same host on another scheme', 'https://localhost:3100/staff'],
    ['another port', 'http://localhost:3101/staff'],
    ['a script address', 'javascript:alert(1)'],
    ['a data address', 'data:text/html,<script>alert(1)</script>'],
    ['user info', 'http://localhost:3100@evil.example/x'],
  ])('sends %s home', (_why, value) => {
    expect(callbackPath(value, ORIGIN)).toBe(PORTAL_HOME);
  });

  it('goes home without a callback', () => {
    expect(callbackPath(null, ORIGIN)).toBe(PORTAL_HOME);
    expect(callbackPath('', ORIGIN)).toBe(PORTAL_HOME);
  });
});
