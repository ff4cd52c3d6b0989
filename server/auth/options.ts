import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { callbackPath } from '@/lib/callback-url';
import { getDb, type Db } from '@/db/client';
import { ZSignInInput } from '../api/routers/auth/auth.schema';
import { signOut } from '../domain/auth/sessions';
import { signIn } from '../domain/auth/sign-in';
import { DomainError } from '../errors';
import { authSecret } from '../env';
import { clientAddress, trustedProxyHops } from '../http/client-address';
import type { RequestMeta } from './actor';
import { sessionOfToken } from './session-token';

const header = (headers: Record<string, unknown> | undefined, name: string): string | null => {
  const v = headers?.[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null;
};

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

export type AuthDeps = {
  db: () => Db;
  /** Where the request came from, for the audit row of a sign-out (next-auth's events get no request). */
  meta: RequestMeta;
};

/**
 * Sign-in error codes travel to the form as `<code>` or `<code>:<minutes>`; the form
 * translates them. The session carries userId, orgId, orgType, role and the user's session
 * version, but every request re-reads the user (server/domain/auth/load-actor.ts) so a
 * disabled account, a blocked organization or a session ended on the server stops at once.
 * The route builds these per request (app/api/auth/[...nextauth]/route.ts) so a sign-out
 * is audited with the browser's address.
 */
export const authOptionsFor = ({ db, meta: requestMeta }: AuthDeps): NextAuthOptions => ({
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
        const parsed = ZSignInInput.safeParse({
          email: credentials?.email ?? '',
          password: credentials?.password ?? '',
        });
        if (!parsed.success) throw new Error('auth.invalidCredentials');
        const { email, password } = parsed.data;
        const meta = {
          ip: clientAddress(req.headers ?? {}, trustedProxyHops()),
          userAgent: header(req.headers, 'user-agent'),
        };
        try {
          const actor = await signIn(db(), meta, { email, password });
          return {
            id: actor.userId,
            name: actor.name,
            email: actor.email,
            orgId: actor.orgId,
            orgType: actor.orgType,
            role: actor.role,
            sessionVersion: actor.sessionVersion,
          };
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
        token.sv = user.sessionVersion;
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
  events: {
    // next-auth awaits this while handling POST /api/auth/signout (the sign-out button), before
    // it clears the cookie. Ending the session here refuses every copy of the token; a failure
    // is logged by next-auth and the browser is signed out regardless.
    signOut: async ({ token }) => {
      const session = sessionOfToken(token);
      if (session) await signOut(db(), requestMeta, session);
    },
  },
});

/** The options outside a request (cookie names, server reads of the session): no sign-out audit address. */
export const authOptions: NextAuthOptions = authOptionsFor({ db: getDb, meta: { ip: null, userAgent: null } });
