import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ApplicantType } from '@/lib/enums';
import { admissionApplications, admissionTemplates, users } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { isUniqueViolation } from '../shared/db-errors';
import { weightsProblem } from './scoring';
import type { TPublishTemplate } from './templates.schema';

/** Every version of a kind's template, newest (the active one) first, with how many applications use it. */
export const listTemplates = async (db: DbOrTx, kind: ApplicantType) => {
  const rows = await db
    .select({
      id: admissionTemplates.id,
      version: admissionTemplates.version,
      createdAt: admissionTemplates.createdAt,
      createdByName: users.name,
      criteriaCount: sql<number>`jsonb_array_length(${admissionTemplates.criteria})`.mapWith(Number),
      applicationCount:
        sql<number>`(select count(*) from ${admissionApplications} where ${admissionApplications.templateId} = ${admissionTemplates.id})`.mapWith(
          Number,
        ),
    })
    .from(admissionTemplates)
    .leftJoin(users, eq(users.id, admissionTemplates.createdBy))
    .where(eq(admissionTemplates.kind, kind))
    .orderBy(desc(admissionTemplates.version));
  return rows.map((r, i) => ({ ...r, isActive: i === 0 }));
};

/** One version, old ones included: applications scored on it stay readable. */
export const getTemplate = async (db: DbOrTx, templateId: string) => {
  const [t] = await db.select().from(admissionTemplates).where(eq(admissionTemplates.id, templateId));
  if (!t || t.kind === 'platform') throw new DomainError('admission.templateNotFound');
  const [latest] = await db
    .select({ version: admissionTemplates.version })
    .from(admissionTemplates)
    .where(eq(admissionTemplates.kind, t.kind))
    .orderBy(desc(admissionTemplates.version))
    .limit(1);
  return {
    id: t.id,
    kind: t.kind,
    version: t.version,
    criteria: t.criteria,
    createdAt: t.createdAt,
    isActive: latest?.version === t.version,
  };
};

/**
 * Publishes an edited template as the next version: weights are whole numbers summing to
 * exactly 100 and keys are unique. Applications submitted from now on are scored on it;
 * those already submitted keep the version they were submitted under.
 */
export const publishTemplate = async (
  db: DbOrTx,
  caller: Caller,
  input: TPublishTemplate,
  basedOnVersion: number | null,
) =>
  db
    .transaction(async (tx) => {
      const problem = weightsProblem(input.criteria);
      if (problem === 'duplicate') throw new DomainError('admission.templateDuplicateKey', { field: 'criteria' });
      if (problem) {
        const sum = input.criteria.reduce((s, c) => s + c.weight, 0);
        throw new DomainError('admission.templateWeights', { field: 'criteria', values: { sum } });
      }
      const [latest] = await tx
        .select({ version: admissionTemplates.version })
        .from(admissionTemplates)
        .where(eq(admissionTemplates.kind, input.kind))
        .orderBy(desc(admissionTemplates.version))
        .limit(1);
      // Editing from an old version while someone else published: refuse rather than overwrite silently.
      if (basedOnVersion !== null && latest && latest.version !== basedOnVersion) {
        throw new DomainError('admission.templateStale');
      }
      const version = (latest?.version ?? 0) + 1;
      const [created] = await tx
        .insert(admissionTemplates)
        .values({ kind: input.kind, version, criteria: input.criteria, createdBy: caller.actor.userId })
        .returning();
      if (!created) throw new DomainError('admission.templateNotFound');
      await writeAudit(tx, caller, {
        action: 'admission.template',
        resourceType: 'admission_template',
        resourceId: created.id,
        after: { kind: input.kind, version, weights: Object.fromEntries(input.criteria.map((c) => [c.key, c.weight])) },
      });
      return getTemplate(tx, created.id);
    })
    .catch((e: unknown) => {
      // Two admins publishing at once: the (kind, version) key lets one through.
      if (isUniqueViolation(e)) throw new DomainError('admission.templateStale');
      throw e;
    });
