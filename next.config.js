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
  typedRoutes: false,
};

export default nextConfig;
