import { exportDisclosure } from '@/server/api/disclosure-export';

export const GET = async (req: Request, { params }: { params: Promise<{ month: string }> }) =>
  exportDisclosure(req, (await params).month);
