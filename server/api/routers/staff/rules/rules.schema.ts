import { z } from 'zod';

const ZPhrase = z.object({ phrase: z.string().trim().min(1).max(40), category: z.enum(['threat', 'insult', 'impersonation', 'disclosure']) });
const minutes = z.number().int().min(0).max(24 * 60);
export const ZRuleDraft = z.object({
  windowStartMinutes: minutes,
  windowEndMinutes: minutes,
  maxAnsweredCallsPerDebtorPerDay: z.number().int().min(0).max(20),
  maxUnansweredCallsPerNumberPerDay: z.number().int().min(0).max(50),
  contactAfterFailedAttempts: z.number().int().min(0).max(50),
  remindersOnlyUntilDay: z.number().int().min(0).max(365),
  escalationFromDay: z.number().int().min(0).max(365),
  forbiddenPhrases: z.array(ZPhrase).min(1).max(500),
});
export const ZRuleSet = ZRuleDraft.extend({ version: z.number().int() });
export const ZRuleSets = z.array(z.object({ version: z.number().int(), rules: ZRuleSet, publishedAt: z.date() }));
export type TRuleSets = z.infer<typeof ZRuleSets>;
export const ZPublishInput = z.object({ basedOn: z.number().int().min(1), draft: ZRuleDraft });
