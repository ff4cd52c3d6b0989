import { exportStatement } from '@/server/api/statement-export';

export const GET = async (req: Request, { params }: { params: Promise<{ statementId: string }> }) =>
  exportStatement(req, (await params).statementId);
