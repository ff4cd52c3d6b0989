import { desc } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { ruleSets } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { isUniqueViolation } from '../shared/db-errors';
import { loosenedAgainst } from '@/lib/stage-policy';
import { familyProblem } from './phrase-families';
import { RULES_V1, readRuleSet, type RuleSet } from './rulebook';

// Publishing the rulebook: the platform may tighten it, never loosen it below the national
// standard (2025) and the CBA guideline (2026) it cites — version 1 is that floor.

export type RuleDraft = Omit<RuleSet, 'version'>;

/** Which fields of a draft would loosen the floor, or are inconsistent. */
export const ruleProblems = (d: RuleDraft): (keyof RuleDraft)[] => {
  const floor = RULES_V1;
  const problems: (keyof RuleDraft)[] = [];
  if (d.windowStartMinutes < floor.windowStartMinutes || d.windowStartMinutes >= d.windowEndMinutes)
    problems.push('windowStartMinutes');
  if (d.windowEndMinutes > floor.windowEndMinutes) problems.push('windowEndMinutes');
  if (
    d.maxAnsweredCallsPerDebtorPerDay < 1 ||
    d.maxAnsweredCallsPerDebtorPerDay > floor.maxAnsweredCallsPerDebtorPerDay
  )
    problems.push('maxAnsweredCallsPerDebtorPerDay');
  if (
    d.maxUnansweredCallsPerNumberPerDay < 1 ||
    d.maxUnansweredCallsPerNumberPerDay > floor.maxUnansweredCallsPerNumberPerDay
  )
    problems.push('maxUnansweredCallsPerNumberPerDay');
  if (d.contactAfterFailedAttempts < floor.contactAfterFailedAttempts) problems.push('contactAfterFailedAttempts');
  // No channel opens earlier than the floor's stage policy, nor to a person the floor keeps it from.
  if (loosenedAgainst(d.stagePolicy, floor.stagePolicy).length > 0) problems.push('stagePolicy');
  return problems;
};

/**
 * Why the draft's phrase families cannot be published, as the error to answer: a pattern
 * that does not compile, an example matched otherwise than declared, or an example of
 * version 1 the new families no longer catch (the floor only tightens).
 */
export const familiesError = (d: RuleDraft): DomainError | null => {
  const problem = familyProblem(d.phraseFamilies, RULES_V1.phraseFamilies);
  if (!problem) return null;
  const { family } = problem;
  const values: Record<string, string> = { family: family.name, familyEn: family.nameEn };
  if ('example' in problem) values.example = problem.example;
  if ('pattern' in problem) values.pattern = problem.pattern;
  const reason =
    problem.code === 'rules.familyPattern'
      ? `validation.phrasePattern.${problem.reason}`
      : problem.code === 'rules.familyInvalid'
        ? `validation.phraseFamily.${problem.reason}`
        : null;
  return new DomainError(problem.code, {
    // The family's own field where it is one of the draft's, so the editor shows it there.
    field: 'at' in problem ? `phraseFamilies.${problem.at.index}.${problem.at.part}` : 'phraseFamilies',
    values,
    ...(reason ? { labels: { reason } } : {}),
  });
};

export const listRuleSets = async (db: DbOrTx) =>
  (await db.select().from(ruleSets).orderBy(desc(ruleSets.version))).map((r) => ({
    version: r.version,
    rules: readRuleSet(r.rules),
    publishedAt: r.publishedAt,
  }));

/** The rulebook in force (the newest published version) and when it was published: what the public page shows. */
export const rulebookInForce = async (db: DbOrTx) => {
  const [row] = await db.select().from(ruleSets).orderBy(desc(ruleSets.version)).limit(1);
  if (!row) throw new Error('no rulebook published');
  return { rules: readRuleSet(row.rules), publishedAt: row.publishedAt };
};

/** Publishes the draft as the next version; an edit of a version that is no longer the newest is refused. */
export const publishRuleSet = async (db: DbOrTx, caller: Caller, input: { basedOn: number; draft: RuleDraft }) => {
  const problems = ruleProblems(input.draft);
  if (problems.length > 0)
    throw new DomainError('rules.loosened', {
      field: problems[0],
      labels: { fields: problems.map((p) => `staffRules.field.${p}`) },
    });
  const familyError = familiesError(input.draft);
  if (familyError) throw familyError;
  return db
    .transaction(async (tx) => {
      const [latest] = await tx.select().from(ruleSets).orderBy(desc(ruleSets.version)).limit(1);
      if (!latest || latest.version !== input.basedOn) throw new DomainError('rules.stale');
      const version = latest.version + 1;
      const rules: RuleSet = { ...input.draft, version };
      await tx
        .insert(ruleSets)
        .values({ version, rules: rules as unknown as Record<string, unknown>, publishedBy: caller.actor.userId });
      await writeAudit(tx, caller, {
        action: 'rules.publish',
        resourceType: 'rule_set',
        resourceId: String(version),
        before: latest.rules,
        after: rules,
      });
      return { version };
    })
    .catch((e: unknown) => {
      // Two admins publishing from the same version at once: the second finds the version taken.
      if (isUniqueViolation(e)) throw new DomainError('rules.stale');
      throw e;
    });
};
