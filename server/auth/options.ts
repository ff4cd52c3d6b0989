import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { callbackPath } from '@/components/auth/callback-url';
import { getDb } from '@/db/client';
import { signIn } from '../domain/auth/sign-in';
import { DomainError } from '../errors';
import { authSecret } from '../env';

const header = (headers: Record<string, unknown> | undefined, name: string): string | null => {
  const v = headers?.[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null;
};

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/**
 * Sign-in error codes travel to the form as `<code>` or `<code>:<minutes>`; the form
 * translates them. The session carries userId, orgId, orgType and role, but every
 * request re-reads the user (server/domain/auth/load-actor.ts) so a disabled account
 * or a blocked organization stops at once.
 */
export const authOptions: NextAuthOptions = {
  // A getter: read at request time, so `next build` needs no secret while start-up does.
  get secret() {
    return authSecret();
  },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      authorize: async (credentials, req) => {
        const email = credentials?.email ?? '';
        const password = credentials?.password ?? '';
        if (!email || !password) throw new Error('auth.invalidCredentials');
        const meta = {
          ip: header(req.headers, 'x-forwarded-for')?.split(',')[0]?.trim() || header(req.headers, 'x-real-ip'),
          userAgent: header(req.headers, 'user-agent'),
        };
        try {
          const actor = await signIn(getDb(), meta, { email, password });
          return { id: actor.userId, name: actor.name, email: actor.email, orgId: actor.orgId, orgType: actor.orgType, role: actor.role };
        } catch (e) {
          if (e instanceof DomainError) {
            const minutes = e.details.values?.minutes;
            throw new Error(minutes ? `${e.code}:${minutes}` : e.code, { cause: e });
          }
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    // Where next-auth sends the browser after signing in or out: a page of this site only.
    redirect: ({ url, baseUrl }) => `${new URL(baseUrl).origin}${callbackPath(url, baseUrl)}`,
    jwt: ({ token, user }) => {
      if (user) {
        token.uid = user.id;
        token.orgId = user.orgId;
        token.orgType = user.orgType;
        token.role = user.role;
      }
      return token;
    },
    session: ({ session, token }) => {
      if (token.uid && token.orgId && token.orgType && token.role) {
        session.user = {
          id: token.uid,
          name: token.name ?? '',
          email: token.email ?? '',
          orgId: token.orgId,
          orgType: token.orgType,
          role: token.role,
        };
      }
      return session;
    },
  },
};
