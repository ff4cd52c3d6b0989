import { z } from 'zod';
import { ORG_STATUSES, ORG_TYPES, ROLES, TIERS } from '@/lib/enums';
import { ZCreditCode, ZEmail, ZId, ZMobile, ZPassword, ZPersonName } from '../../domain/shared/fields.schema';
import { isStorableText } from '../../domain/shared/text';

// Shared input pieces. Messages `v.<key>` name catalog entries (messages/*.json → validation).

export { ZCreditCode, ZEmail, ZId, ZMobile, ZPassword, ZPersonName };

/**
 * Every procedure's input passes this before its own schema (server/api/trpc.ts): each
 * string anywhere in it (and each key) must be text PostgreSQL stores as given, no NUL
 * character and no half of a surrogate pair. A bad one is named by its path, so the
 * answer is a 400 naming the field, in the caller's language, never a failed query.
 */
export const ZStorableInput = z.unknown().superRefine((input, ctx) => {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: input, path: [] }];
  let issues = 0;
  while (stack.length > 0 && issues < 20) {
    const { value, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    if (typeof value === 'string') {
      if (!isStorableText(value)) {
        ctx.addIssue({ code: 'custom', message: 'v.unstorable', path });
        issues += 1;
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [k, v] of Object.entries(value)) {
        if (!isStorableText(k)) {
          ctx.addIssue({ code: 'custom', message: 'v.unstorable', path: [...path, k] });
          issues += 1;
        }
        stack.push({ value: v, path: [...path, k] });
      }
    }
  }
});

/** The input of a procedure that needs none: nothing, or an empty object. */
export const ZNoInput = z.object({}).optional();

export const ZPageInput = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const ZRole = z.enum(ROLES, { error: 'v.role' });
export const ZOrgType = z.enum(ORG_TYPES, { error: 'v.orgType' });
export const ZOrgStatus = z.enum(ORG_STATUSES, { error: 'v.orgStatus' });

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ZUser = z.object({
  id: z.string(),
  orgId: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  role: ZRole,
  disabledAt: z.date().nullable(),
  lastSignInAt: z.date().nullable(),
  isInvitePending: z.boolean(),
  createdAt: z.date(),
});

export const ZOrg = z.object({
  id: z.string(),
  type: ZOrgType,
  name: z.string(),
  creditCode: z.string(),
  status: ZOrgStatus,
  province: z.string().nullable(),
  city: z.string().nullable(),
  tier: z.enum(TIERS).nullable(),
  admittedAt: z.date().nullable(),
  admissionExpiresAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZNewUser = z.strictObject({
  email: ZEmail,
  name: ZPersonName,
  phone: ZMobile.nullish(),
  role: ZRole,
});

export const ZInviteResult = z.object({ user: ZUser, inviteToken: z.string() });

/** A user's whole number, shown to an administrator who gives a reason (audited, DESIGN §5). */
export const ZRevealPhoneInput = z.strictObject({ userId: ZId, reason: z.string().trim().min(4).max(200) });
export type TRevealPhoneInput = z.input<typeof ZRevealPhoneInput>;
export const ZRevealPhoneResult = z.object({ value: z.string() });
