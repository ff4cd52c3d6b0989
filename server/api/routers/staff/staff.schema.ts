import { z } from 'zod';
import { CALENDAR_DAY_KINDS, HOLIDAY_NAMES } from '@/lib/working-calendar';
import { shanghaiInstant, startOfShanghaiDay } from '@/lib/dates';
import { AUDIT_ACTIONS, BAN_CATEGORIES, PHRASE_CATEGORIES } from '@/lib/enums';
import { PATTERN_LIMITS, compilePattern } from '@/lib/phrase-match';
import { ZDay, ZStagePolicy, ZStagePolicyForm } from '../../../domain/shared/fields.schema';
import { ZCreditCode, ZId, ZNewUser, ZOrg, ZOrgStatus, ZOrgType, ZPageInput, ZUser, pageOf } from '../shared.schema';

// Organizations
export const ZListOrgsInput = ZPageInput.extend({
  type: ZOrgType.optional(),
  status: ZOrgStatus.optional(),
  q: z.string().trim().max(100).optional(),
});
export type TListOrgsInput = z.input<typeof ZListOrgsInput>;
/** The organizations list's search box. */
export const ZOrgSearchForm = ZListOrgsInput.pick({ q: true });
export const ZListOrgsOutput = pageOf(ZOrg);

const orgStatusChange = {
  status: ZOrgStatus,
  reason: z.string().trim().min(2, { error: 'v.reasonRequired' }).max(500),
  // A ban says why, for the public ban list.
  banCategory: z.enum(BAN_CATEGORIES, { error: 'v.banCategory' }).optional(),
};
const banSaysWhy = (v: { status: string; banCategory?: unknown }) =>
  v.status !== 'banned' || v.banCategory !== undefined;
/** The status control's form: the change without the organization it is made to. */
export const ZOrgStatusChange = z
  .strictObject(orgStatusChange)
  .refine(banSaysWhy, { error: 'v.banCategory', path: ['banCategory'] });
export type TOrgStatusChange = z.output<typeof ZOrgStatusChange>;
export const ZSetOrgStatusInput = z
  .strictObject({ orgId: ZId, ...orgStatusChange })
  .refine(banSaysWhy, { error: 'v.banCategory', path: ['banCategory'] });
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

export const ZGetOrgInput = z.object({ orgId: ZId });

// Users
export const ZCreateUserInput = ZNewUser.extend({ orgId: ZId });
export type TCreateUserInput = z.input<typeof ZCreateUserInput>;

export const ZDisableUserInput = z.strictObject({ userId: ZId });

export const ZListUsersInput = ZPageInput.extend({ orgId: ZId });
export const ZListUsersOutput = pageOf(ZUser);

// The audit trail
const auditFilters = {
  actorUserId: ZId.optional(),
  orgId: ZId.optional(),
  action: z.enum(AUDIT_ACTIONS, { error: 'v.auditAction' }).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
};
const isRangeInOrder = (v: { from?: Date | undefined; to?: Date | undefined }) => !v.from || !v.to || v.from <= v.to;
export const ZListAuditInput = ZPageInput.extend(auditFilters).refine(isRangeInOrder, {
  error: 'v.rangeOrder',
  path: ['to'],
});
export type TListAuditInput = z.input<typeof ZListAuditInput>;
/** A filter as typed: blank is "any". */
const typedFilter = <T extends z.ZodType<unknown, string | undefined>>(field: T) =>
  z
    .string()
    .transform((s) => s.trim() || undefined)
    .pipe(field);
/**
 * The audit trail's filter bar: days are Beijing calendar days (the end day included), ids
 * typed in full; its answer is the list's filters.
 */
export const ZAuditFilterForm = z
  .object({
    action: typedFilter(auditFilters.action),
    from: typedFilter(ZDay.optional()),
    to: typedFilter(ZDay.optional()),
    actorUserId: typedFilter(auditFilters.actorUserId),
    orgId: typedFilter(auditFilters.orgId),
  })
  .transform(({ from, to, ...v }) => ({
    ...v,
    ...(from ? { from: startOfShanghaiDay(from) } : {}),
    ...(to ? { to: shanghaiInstant(`${to}T23:59:59.999`) } : {}),
  }))
  .pipe(z.object(auditFilters).refine(isRangeInOrder, { error: 'v.rangeOrder', path: ['to'] }));

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

// The rulebook
/** A pattern of the phrase language (lib/phrase-match.ts); publishing refuses one that cannot be used, naming its family. */
const ZPattern = z.string().trim().min(1).max(PATTERN_LIMITS.length);
/** The editor checks each pattern as it is typed, with the same reasons. */
const ZCheckedPattern = ZPattern.superRefine((p, ctx) => {
  const c = compilePattern(p);
  if (!c.ok) ctx.addIssue({ code: 'custom', message: `v.phrasePattern.${c.problem}` });
});
const ZExample = z.string().trim().min(1).max(200);
export const ZPhraseFamily = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'v.familyId'),
  name: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
  category: z.enum(PHRASE_CATEGORIES, { error: 'v.invalidOption' }),
  patterns: z.array(ZPattern).min(1).max(30),
  mustMatch: z.array(ZExample).min(1).max(30),
  mustNotMatch: z.array(ZExample).max(30),
});
export type TPhraseFamily = z.infer<typeof ZPhraseFamily>;
const minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
export const ZRuleDraft = z.object({
  windowStartMinutes: minutes,
  windowEndMinutes: minutes,
  maxAnsweredCallsPerDebtorPerDay: z.number().int().min(0).max(20),
  maxUnansweredCallsPerNumberPerDay: z.number().int().min(0).max(50),
  contactAfterFailedAttempts: z.number().int().min(0).max(50),
  stagePolicy: ZStagePolicy,
  phraseFamilies: z.array(ZPhraseFamily).min(1).max(50),
});
/** Whole minutes of the day typed as `HH:MM`. */
const typedTime = z
  .string()
  .transform((s) => {
    const [h, m] = s.split(':').map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  })
  .pipe(minutes);
/** A count typed as text (blank is 0). */
const typedCount = (field: z.ZodNumber) =>
  z
    .string()
    .transform((s) => Number(s) || 0)
    .pipe(field);
/** Lines of a text box as a list: one pattern or example a line, blank lines left out. */
const typedLines = (field: z.ZodType<string[], string[]>) =>
  z
    .string()
    .transform((text) =>
      text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(field);
export const ZPhraseFamilyForm = ZPhraseFamily.extend({
  patterns: typedLines(z.array(ZCheckedPattern).min(1).max(30)),
  mustMatch: typedLines(ZPhraseFamily.shape.mustMatch),
  mustNotMatch: typedLines(ZPhraseFamily.shape.mustNotMatch),
});
/**
 * The rulebook editor: the window as times, the caps as typed numbers, each phrase family's
 * patterns and examples one a line; its answer is the draft the procedure publishes.
 */
export const ZRuleDraftForm = z.object({
  windowStartMinutes: typedTime,
  windowEndMinutes: typedTime,
  maxAnsweredCallsPerDebtorPerDay: typedCount(ZRuleDraft.shape.maxAnsweredCallsPerDebtorPerDay),
  maxUnansweredCallsPerNumberPerDay: typedCount(ZRuleDraft.shape.maxUnansweredCallsPerNumberPerDay),
  contactAfterFailedAttempts: typedCount(ZRuleDraft.shape.contactAfterFailedAttempts),
  stagePolicy: ZStagePolicyForm,
  phraseFamilies: z.array(ZPhraseFamilyForm).min(1).max(50),
});
export type TRuleDraftForm = z.input<typeof ZRuleDraftForm>;
export const ZRuleSet = ZRuleDraft.extend({ version: z.number().int() });
export const ZRuleSets = z.array(z.object({ version: z.number().int(), rules: ZRuleSet, publishedAt: z.date() }));
export type TRuleSets = z.infer<typeof ZRuleSets>;
export const ZPublishRulesInput = z.object({ basedOn: z.number().int().min(1), draft: ZRuleDraft });
export const ZPublishRulesResult = z.object({ version: z.number().int() });

// The working calendar (lib/working-calendar.ts).
export const ZCalendarYearInput = z.strictObject({ year: z.number().int().min(2000).max(2100) });
export const ZCalendarDay = z.object({
  day: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  holiday: z.enum(HOLIDAY_NAMES),
  updatedAt: z.date(),
});
export const ZCalendarYear = z.array(ZCalendarDay);
export type TCalendarDay = z.infer<typeof ZCalendarDay>;
export const ZSetCalendarDayInput = z.strictObject({
  day: ZDay,
  kind: z.enum(CALENDAR_DAY_KINDS, { error: 'v.invalidOption' }),
  holiday: z.enum(HOLIDAY_NAMES, { error: 'v.invalidOption' }),
});
export type TSetCalendarDayInput = z.input<typeof ZSetCalendarDayInput>;
export const ZRemoveCalendarDayInput = z.strictObject({ day: ZDay });
export const ZCalendarDayResult = z.object({ day: z.string() });
