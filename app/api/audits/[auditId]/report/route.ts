import { exportAuditReport } from '@/server/api/audit-report';

export const GET = async (req: Request, { params }: { params: Promise<{ auditId: string }> }) =>
  exportAuditReport(req, (await params).auditId);
