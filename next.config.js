import { readFileSync } from 'node:fs';
import { URL } from 'node:url';

// The API's security headers, shared with the app's server (server/http/api-headers.ts).
/** @type {{ api: Record<string, string>, authPages: Record<string, string> }} */
const securityHeaders = JSON.parse(readFileSync(new URL('./server/http/api-headers.json', import.meta.url), 'utf8'));
const asList = (/** @type {Record<string, string>} */ headers) =>
  Object.entries(headers).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and a data directory; argon2 is a native addon; pdfkit reads its font
  // metrics from its package directory. They load from node_modules at run time rather
  // than be bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'argon2', 'postgres', 'pdfkit'],
  // PDF reports find their Chinese font in node_modules at run time (server/reports/pdf.ts),
  // which the file tracing cannot see: every route that serves a PDF lies under /api.
  outputFileTracingIncludes: {
    '/api/**': [
      './node_modules/@embedpdf/fonts-sc/package.json',
      './node_modules/@embedpdf/fonts-sc/dist/index.cjs',
      './node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf',
    ],
  },
  poweredByHeader: false,
  // Pages get their headers, with a fresh script nonce, from proxy.ts. The API answers
  // JSON and files: nothing in it runs in a page, and no site may frame it.
  headers: async () => [
    {
      source: '/api/:path*',
      headers: asList(securityHeaders.api),
    },
    {
      // next-auth's own pages (its error and sign-out confirmation) carry an inline stylesheet.
      source: '/api/auth/:path*',
      headers: asList(securityHeaders.authPages),
    },
  ],
  typedRoutes: false,
};

export default nextConfig;
