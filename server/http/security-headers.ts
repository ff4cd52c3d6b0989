// The security headers of every page (proxy.ts, per request); the API's are static
// (server/http/api-headers.json). A page's scripts run only with its response's nonce, which Next.js
// reads from the Content-Security-Policy request header and puts on its own scripts and
// styles; the pages render per request, so each response has a fresh one.

export type PageHeaderOptions = {
  nonce: string;
  /** Served over HTTPS (NEXTAUTH_URL is https://…): HSTS, and any http:// subresource upgraded. */
  https: boolean;
  /** `next dev`: React's error overlay rebuilds server stacks with eval. */
  dev: boolean;
  /**
   * The page draws a widget that writes its own `<style>` elements and cannot give them the
   * nonce: the API reference at /developers (Scalar writes its theme into one, and its toasts'
   * styles into another). Style elements run no script, and script-src keeps the nonce.
   */
  hasUnnoncedStyles?: boolean;
};

/** Pages whose styles cannot all carry the nonce (see `hasUnnoncedStyles`). */
export const UNNONCED_STYLE_PATHS: readonly string[] = ['/developers'];

/** 16 random bytes, base64: a nonce nobody can guess. */
export const newNonce = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
};

export const pageSecurityHeaders = ({
  nonce,
  https,
  dev,
  hasUnnoncedStyles = false,
}: PageHeaderOptions): Record<string, string> => {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // <style> elements need the nonce; style attributes (React's style prop, the charts' SVG)
    // cannot carry one and are allowed: a style attribute runs no code. Development injects
    // its hot-reloaded styles without a nonce, and so does the API reference's viewer (a
    // browser ignores 'unsafe-inline' when a nonce is listed, so the nonce is left out there).
    dev || hasUnnoncedStyles ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
};
