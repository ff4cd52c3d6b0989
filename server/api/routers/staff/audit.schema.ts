import { z } from 'zod';
import { AUDIT_ACTIONS } from '@/lib/enums';
import { ZId, ZPageInput, pageOf } from '../shared.schema';

export const ZListAuditInput = ZPageInput.extend({
  actorUserId: ZId.optional(),
  orgId: ZId.optional(),
  action: z.enum(AUDIT_ACTIONS, { error: 'v.auditAction' }).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
}).refine((v) => !v.from || !v.to || v.from <= v.to, { error: 'v.rangeOrder', path: ['to'] });
export type TListAuditInput = z.input<typeof ZListAuditInput>;

export const ZAuditRow = z.object({
  id: z.number(),
  at: z.date(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorOrgName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export const ZListAuditOutput = pageOf(ZAuditRow);
