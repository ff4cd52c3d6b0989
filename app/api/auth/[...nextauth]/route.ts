import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { metaFromHeaders } from '@/server/api/context';
import { authOptionsFor } from '@/server/auth/options';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options per request: a sign-out ends the session on the server and is audited with the
// browser's address, which next-auth's signOut event does not receive.
const handler = (req: NextRequest, ctx: RouteContext) =>
  NextAuth(req, ctx, authOptionsFor({ db: getDb, meta: metaFromHeaders(req.headers) }));

export { handler as GET, handler as POST };
