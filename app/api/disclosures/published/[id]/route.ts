import { exportPublishedDisclosure } from '@/server/api/disclosure-export';

export const GET = async (req: Request, { params }: { params: Promise<{ id: string }> }) =>
  exportPublishedDisclosure(req, (await params).id);
