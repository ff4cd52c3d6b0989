import { getDb } from '@/db/client';
import { handleApiRequest } from '@/server/api/rest/handler';

// The public API (/api/v1): API keys, not sessions; see server/api/rest/handler.ts.
const handler = (req: Request) => handleApiRequest(req, getDb());

export { handler as GET, handler as POST, handler as PATCH, handler as DELETE, handler as PUT };
