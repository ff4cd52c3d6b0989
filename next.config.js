/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and a data directory; argon2 is a native addon; pdfkit reads its font
  // metrics from its package directory. They load from node_modules at run time rather
  // than be bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'argon2', 'postgres', 'pdfkit'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
