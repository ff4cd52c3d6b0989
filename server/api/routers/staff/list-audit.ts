import { listAuditForStaff } from '../../../domain/audit/list-audit';
import { requirePermission, staffProcedure } from '../../trpc';
import { ZListAuditInput, ZListAuditOutput } from './audit.schema';

export const listAudit = staffProcedure
  .use(requirePermission('staff.audit.read'))
  .input(ZListAuditInput)
  .output(ZListAuditOutput)
  .query(({ ctx, input }) => listAuditForStaff(ctx.db, input));
