import { getDb } from '@/db/client';
import { handleTrpcRequest } from '@/server/api/http-handler';
import { getSession } from '@/server/auth/session';

const handler = (req: Request) => handleTrpcRequest(req, { db: getDb(), session: getSession });

export { handler as GET, handler as POST };
