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
      headers: [
        { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      ],
    },
    {
      // next-auth's own pages (its error and sign-out confirmation) carry an inline stylesheet.
      source: '/api/auth/:path*',
      headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'" }],
    },
  ],
  typedRoutes: false,
};

export default nextConfig;
