import { DEMO_PASSWORD } from '../../db/seed/demo';
import { CSRF_HEADER } from '../../server/api/transport.schema';
import { APP_URL } from './config';

// The app over HTTP as a browser uses it: next-auth's credentials sign-in (CSRF token,
// then the callback, keeping the session cookie) and tRPC v11 with the superjson
// transformer (a query's input is `{"json": …}` in the URL, a mutation's in the body).

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');

/** Signs a user in; returns the Cookie header that carries the session. */
export const signIn = async (email: string, password = DEMO_PASSWORD): Promise<string> => {
  const csrf = await fetch(`${APP_URL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${APP_URL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in of ${email} failed (HTTP ${res.status})`);
  return session;
};

/** Signs users in a few at a time (each sign-in hashes a password: argon2id, 19 MiB). */
export const signInAll = async (emails: readonly string[], parallel = 4): Promise<string[]> => {
  const out: string[] = new Array<string>(emails.length);
  let next = 0;
  const worker = async () => {
    while (next < emails.length) {
      const i = next;
      next += 1;
      out[i] = await signIn(emails[i] ?? '');
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, emails.length) }, worker));
  return out;
};

export const queryPath = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
export const mutationBody = (input: unknown) => JSON.stringify({ json: input });

export type TrpcAnswer<T> = {
  status: number;
  data: T | null;
  error: { message: string; code: string | null; domainCode: string | null; httpStatus: number | null } | null;
  raw: string;
};

const answerOf = async <T>(res: Response): Promise<TrpcAnswer<T>> => {
  const raw = await res.text();
  let body: {
    result?: { data?: { json?: T } };
    error?: { json?: { message?: string; data?: { code?: string; domainCode?: string | null; httpStatus?: number } } };
  } = {};
  try {
    body = JSON.parse(raw) as typeof body;
  } catch {
    // Not tRPC's JSON (a proxy's or the framework's error page): kept raw.
  }
  const e = body.error?.json;
  return {
    status: res.status,
    data: body.result?.data?.json ?? null,
    error: e
      ? {
          message: e.message ?? '',
          code: e.data?.code ?? null,
          domainCode: e.data?.domainCode ?? null,
          httpStatus: e.data?.httpStatus ?? null,
        }
      : null,
    raw,
  };
};

export const trpcQuery = async <T>(cookie: string, procedure: string, input: unknown) =>
  answerOf<T>(await fetch(`${APP_URL}${queryPath(procedure, input)}`, { headers: { cookie } }));

export const trpcMutation = async <T>(cookie: string, procedure: string, input: unknown) =>
  answerOf<T>(
    await fetch(`${APP_URL}/api/trpc/${procedure}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', [CSRF_HEADER]: '1' },
      body: mutationBody(input),
    }),
  );

/** Uploads bytes to `files.upload` as the browser does (the body is the file). */
export const upload = async (cookie: string, bytes: Uint8Array) =>
  answerOf<{ id: string }>(
    await fetch(`${APP_URL}/api/trpc/files.upload`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/octet-stream', [CSRF_HEADER]: '1' },
      body: new Blob([new Uint8Array(bytes)]),
    }),
  );
