import { downloadComplaintEvidence } from '@/server/api/file-download';

export const GET = async (req: Request, { params }: { params: Promise<{ evidenceId: string }> }) =>
  downloadComplaintEvidence(req, (await params).evidenceId);
