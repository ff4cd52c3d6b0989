import { exportDashboard } from '@/server/api/dashboard-export';

export const GET = async (req: Request) => exportDashboard(req);
