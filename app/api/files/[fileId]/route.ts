import { downloadFile } from '@/server/api/file-download';

export const GET = async (req: Request, { params }: { params: Promise<{ fileId: string }> }) =>
  downloadFile(req, (await params).fileId);
