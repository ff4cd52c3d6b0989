// The headers every page answers with: a Content Security Policy whose scripts run only
// with this response's nonce, no framing by any site, no type sniffing, the referrer
// trimmed to the origin across sites, and HSTS only where the app is served over HTTPS.
import { describe, expect, it } from 'vitest';
import { newNonce, pageSecurityHeaders, UNNONCED_STYLE_PATHS } from './security-headers';

const directives = (csp: string | undefined) =>
  Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe('page security headers', () => {
  it('allows scripts only with the nonce, and no framing', () => {
    const h = pageSecurityHeaders({ nonce: 'abc123', https: false, dev: false });
    const csp = directives(h['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp['style-src']).toEqual(["'self'", "'nonce-abc123'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
    expect(h).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    expect(h['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS and upgrades requests only over HTTPS', () => {
    const h = pageSecurityHeaders({ nonce: 'n', https: true, dev: false });
    expect(h['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(directives(h['content-security-policy'])['upgrade-insecure-requests']).toEqual([]);
  });

  it("lets development's error overlay evaluate code and its styles load, never production", () => {
    expect(
      directives(pageSecurityHeaders({ nonce: 'n', https: false, dev: true })['content-security-policy'])['script-src'],
    ).toContain("'unsafe-eval'");
    expect(
      directives(pageSecurityHeaders({ nonce: 'n', https: false, dev: false })['content-security-policy'])[
        'script-src'
      ],
    ).not.toContain("'unsafe-eval'");
    // Hot-reloaded styles come without a nonce in development.
    expect(
      directives(pageSecurityHeaders({ nonce: 'n', https: false, dev: true })['content-security-policy'])['style-src'],
    ).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('lets only the API reference page apply style elements without the nonce, and keeps its scripts nonced', () => {
    const reference = directives(
      pageSecurityHeaders({ nonce: 'n', https: false, dev: false, hasUnnoncedStyles: true })['content-security-policy'],
    );
    // A listed nonce would make the browser ignore 'unsafe-inline': it is left out of style-src.
    expect(reference['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(reference['script-src']).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'"]);
    expect(reference['connect-src']).toEqual(["'self'"]);
    expect(UNNONCED_STYLE_PATHS).toEqual(['/developers']);
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
