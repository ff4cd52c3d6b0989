import { getDb } from '@/db/client';
import { handleTrpcRequest } from '@/server/api/http-handler';
import { getSessionUserId } from '@/server/auth/session';

const handler = (req: Request) => handleTrpcRequest(req, { db: getDb(), userId: getSessionUserId });

export { handler as GET, handler as POST };
