import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, pageSecurityHeaders, UNNONCED_STYLE_PATHS } from '@/server/http/security-headers';

// Every page answers with the security headers (server/http/security-headers.ts): a fresh
// nonce per request, handed to Next.js in the request's Content-Security-Policy header so
// its scripts and styles carry it. The API's headers are static (server/http/api-headers.json).
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = pageSecurityHeaders({
    nonce,
    https: (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
    dev: process.env.NODE_ENV === 'development',
    hasUnnoncedStyles: UNNONCED_STYLE_PATHS.includes(request.nextUrl.pathname),
  });
  const forwarded = new Headers(request.headers);
  forwarded.set('content-security-policy', headers['content-security-policy'] ?? '');
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: not the API (server/http/api-headers.json), Next's static files or the icon.
  matcher: ['/((?!api/|_next/static/|_next/image|favicon.ico|icon.svg).*)'],
};
