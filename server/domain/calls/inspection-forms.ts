import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { callInspections, inspectionForms, users, type InspectionCriterion } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { isUniqueViolation } from '../shared/db-errors';

// The quality-inspection form (质检表), versioned like the admission templates: a platform
// admin publishes the next version, inspections from then on are scored on it, and every
// inspection keeps the version it was scored on, so an old score always reads as it was given.

export type InspectionForm = { version: number; criteria: InspectionCriterion[]; createdAt: Date };

/** The newest version: the one inspections are scored on now. */
export const currentForm = async (db: DbOrTx): Promise<InspectionForm> => {
  const [form] = await db
    .select({
      version: inspectionForms.version,
      criteria: inspectionForms.criteria,
      createdAt: inspectionForms.createdAt,
    })
    .from(inspectionForms)
    .orderBy(desc(inspectionForms.version))
    .limit(1);
  if (!form) throw new DomainError('inspection.noForm');
  return form;
};

/** One version, old ones included. */
export const formVersion = async (db: DbOrTx, version: number): Promise<InspectionForm> => {
  const [form] = await db
    .select({
      version: inspectionForms.version,
      criteria: inspectionForms.criteria,
      createdAt: inspectionForms.createdAt,
    })
    .from(inspectionForms)
    .where(eq(inspectionForms.version, version));
  if (!form) throw new DomainError('inspection.formNotFound', { field: 'version' });
  return form;
};

/** Every version, newest first, with who published it and how many inspections were scored on it. */
export const listForms = async (db: DbOrTx) => {
  const rows = await db
    .select({
      version: inspectionForms.version,
      createdAt: inspectionForms.createdAt,
      createdByName: users.name,
      criteriaCount: sql<number>`jsonb_array_length(${inspectionForms.criteria})`.mapWith(Number),
      fatalCount:
        sql<number>`(select count(*) from jsonb_array_elements(${inspectionForms.criteria}) c where (c->>'fatal')::boolean)`.mapWith(
          Number,
        ),
      inspectionCount:
        sql<number>`(select count(*) from ${callInspections} where ${callInspections.formVersion} = ${inspectionForms.version})`.mapWith(
          Number,
        ),
    })
    .from(inspectionForms)
    .leftJoin(users, eq(users.id, inspectionForms.createdBy))
    .orderBy(desc(inspectionForms.version));
  return rows.map((r, i) => ({ ...r, isCurrent: i === 0 }));
};

/**
 * Why a form cannot be published, naming the field: keys unique, weights whole numbers
 * summing to exactly 100. (Shapes, lengths and both languages are the input schema's.)
 */
export const formProblem = (criteria: readonly Pick<InspectionCriterion, 'key' | 'weight'>[]): DomainError | null => {
  if (criteria.length === 0) return new DomainError('inspection.formEmpty', { field: 'criteria' });
  const seen = new Set<string>();
  for (const [i, c] of criteria.entries()) {
    if (seen.has(c.key))
      return new DomainError('inspection.formDuplicateKey', { field: `criteria.${i}.key`, values: { key: c.key } });
    seen.add(c.key);
    if (!Number.isInteger(c.weight) || c.weight < 0 || c.weight > 100)
      return new DomainError('inspection.formWeight', { field: `criteria.${i}.weight` });
  }
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (sum !== 100) return new DomainError('inspection.formWeights', { field: 'criteria', values: { sum } });
  return null;
};

/**
 * Publishes the next version. `basedOnVersion` is the version the editor started from:
 * another admin having published meanwhile is refused rather than silently overwritten.
 */
export const publishForm = async (
  db: DbOrTx,
  caller: Caller,
  input: { basedOnVersion: number; criteria: InspectionCriterion[] },
  now = new Date(),
) =>
  db
    .transaction(async (tx) => {
      const problem = formProblem(input.criteria);
      if (problem) throw problem;
      const latest = await currentForm(tx);
      if (latest.version !== input.basedOnVersion) throw new DomainError('inspection.formStale');
      const version = latest.version + 1;
      const criteria = input.criteria.map((c) => ({
        key: c.key,
        weight: c.weight,
        fatal: c.fatal,
        label: { 'zh-CN': c.label['zh-CN'].trim(), en: c.label.en.trim() },
        guidance: { 'zh-CN': c.guidance['zh-CN'].trim(), en: c.guidance.en.trim() },
      }));
      await tx.insert(inspectionForms).values({ version, criteria, createdBy: caller.actor.userId, createdAt: now });
      await writeAudit(tx, caller, {
        action: 'inspection.formPublish',
        resourceType: 'inspection_form',
        resourceId: String(version),
        after: {
          version,
          weights: Object.fromEntries(criteria.map((c) => [c.key, c.weight])),
          fatal: criteria.filter((c) => c.fatal).map((c) => c.key),
        },
      });
      return { version, criteria, createdAt: now };
    })
    .catch((e: unknown) => {
      // Two admins publishing at once: the version key lets one through.
      if (isUniqueViolation(e)) throw new DomainError('inspection.formStale');
      throw e;
    });
