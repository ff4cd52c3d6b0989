import headers from './api-headers.json';

// The headers every API answer carries (JSON and files: nothing in it runs in a page, and no
// site may frame it). next.config.js reads the same file for the routes Next.js serves; the
// app's server sets them itself on the tRPC calls it answers directly (server/api/http-handler.ts).

export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = headers.api;
