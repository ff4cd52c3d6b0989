import { z } from 'zod';
import { BAN_CATEGORIES, TIERS } from '@/lib/enums';
import { ZPageInput, pageOf } from '../shared.schema';
import { ZPhraseFamily, ZRuleSet } from '../staff/staff.schema';

export const ZPublicListInput = ZPageInput;

export const ZAdmittedAgency = z.object({
  name: z.string(),
  tier: z.enum(TIERS).nullable(),
  admittedAt: z.date().nullable(),
  admissionExpiresAt: z.date().nullable(),
  province: z.string().nullable(),
  serviceProvinces: z.array(z.string()),
});
export const ZAdmittedOutput = pageOf(ZAdmittedAgency);

export const ZBannedAgency = z.object({
  name: z.string(),
  creditCode: z.string(),
  bannedAt: z.date(),
  banCategory: z.enum(BAN_CATEGORIES),
});
export const ZBannedOutput = pageOf(ZBannedAgency);

/**
 * The rulebook in force, as anyone may read it: every rule of the version and when it was
 * published. Each phrase family shows its name and the examples it forbids; its patterns
 * (how wordings are caught) and lawful counter-examples stay with the platform.
 */
export const ZRulebookInForce = z.object({
  rules: ZRuleSet.extend({
    phraseFamilies: z.array(ZPhraseFamily.pick({ id: true, name: true, nameEn: true, category: true, mustMatch: true })),
  }),
  publishedAt: z.date(),
});
export type TRulebookInForce = z.infer<typeof ZRulebookInForce>;
