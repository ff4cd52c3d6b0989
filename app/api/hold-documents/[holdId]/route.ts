import { downloadHoldDocument } from '@/server/api/file-download';

export const GET = async (req: Request, { params }: { params: Promise<{ holdId: string }> }) =>
  downloadHoldDocument(req, (await params).holdId);
