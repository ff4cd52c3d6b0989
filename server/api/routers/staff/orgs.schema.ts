import { z } from 'zod';
import { BAN_CATEGORIES } from '@/lib/enums';
import { ZCreditCode, ZId, ZOrg, ZOrgStatus, ZOrgType, ZPageInput, pageOf } from '../shared.schema';

export const ZListOrgsInput = ZPageInput.extend({
  type: ZOrgType.optional(),
  status: ZOrgStatus.optional(),
  q: z.string().trim().max(100).optional(),
});
export type TListOrgsInput = z.input<typeof ZListOrgsInput>;
export const ZListOrgsOutput = pageOf(ZOrg);

export const ZSetOrgStatusInput = z
  .strictObject({
    orgId: ZId,
    status: ZOrgStatus,
    reason: z.string().trim().min(2, { error: 'v.reasonRequired' }).max(500),
    // A ban says why, for the public ban list.
    banCategory: z.enum(BAN_CATEGORIES, { error: 'v.banCategory' }).optional(),
  })
  .refine((v) => v.status !== 'banned' || v.banCategory !== undefined, { error: 'v.banCategory', path: ['banCategory'] });
export type TSetOrgStatusInput = z.input<typeof ZSetOrgStatusInput>;

// The platform registers creditors and agencies it signs up offline; they start as
// applicants and go through admission like any other.
export const ZCreateOrgInput = z.strictObject({
  type: z.enum(['creditor', 'agency'], { error: 'v.orgType' }),
  name: z.string().trim().min(2, { error: 'v.orgName' }).max(100),
  creditCode: ZCreditCode,
  province: z.string().trim().max(20).nullish(),
  city: z.string().trim().max(20).nullish(),
});
export type TCreateOrgInput = z.input<typeof ZCreateOrgInput>;
