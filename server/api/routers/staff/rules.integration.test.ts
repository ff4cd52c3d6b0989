// Publishing the rulebook (DESIGN §4): the platform tightens it as a new version, never
// loosens it below the national floor; a stale edit is refused; actions from then on are
// checked against, and record, the new version. Forbidden phrases come as families whose
// examples are checked on publishing: a family that misses its own example, catches a
// lawful one, or no longer catches what version 1 caught is refused, naming family and
// example. Version 1, stored as a plain list of phrases, is read as families, never rewritten.
import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_POLICY } from '@/lib/stage-policy';
import { auditLog, ruleSets } from '@/db/schema';
import { DEFAULT_PHRASE_FAMILIES } from '../../../domain/rules/phrase-families';
import { RULES_V1, V1_LISTED_PHRASES, readRuleSet, type PhraseFamily } from '../../../domain/rules/rulebook';
import { logAction } from '../../../domain/work/actions';
import { describeError } from '../../errors';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { draftPackage, sampleTerms } from '../../../testing/packages';
import { inDaytimeZone, morning, workingCases } from '../../../testing/work';
import { callerAs, domainCaller } from '../../../testing/world';

const ctx = freshWorldPerTest();
const { version: _v, ...FLOOR } = RULES_V1;
/** The draft of the version in force on a fresh database: version 2, the default families. */
const DRAFT = { ...FLOOR, phraseFamilies: DEFAULT_PHRASE_FAMILIES };
const withFamily = (id: string, change: Partial<PhraseFamily>) =>
  DEFAULT_PHRASE_FAMILIES.map((f) => (f.id === id ? { ...f, ...change } : f));
const refusal = async (p: Promise<unknown>) => {
  const e = await p.catch((x: unknown) => x);
  expect(e).toMatchObject({ code: 'BAD_REQUEST' });
  const zh = describeError('zh-CN', e as never);
  return { zh: zh.message, en: describeError('en', e as never).message, fields: Object.keys(zh.fieldErrors ?? {}) };
};

describe('staff.rules', () => {
  it('publishes a tighter version that the next actions obey and record; refuses a looser one and a stale edit', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['platform.admin']);
    const [current] = await admin.staff.rules.list();
    const basedOn = current?.version ?? 1;
    const loose = await refusal(
      admin.staff.rules.publish({
        basedOn,
        draft: { ...DRAFT, maxAnsweredCallsPerDebtorPerDay: 4, windowEndMinutes: 23 * 60 },
      }),
    );
    expect(loose.zh).toBe('不能放宽国家标准的底线：晚间截止时间、每日有效通话上限');

    const { version } = await admin.staff.rules.publish({
      basedOn,
      draft: {
        ...DRAFT,
        maxAnsweredCallsPerDebtorPerDay: 2,
        phraseFamilies: [
          ...DEFAULT_PHRASE_FAMILIES,
          {
            id: 'prison',
            name: '以坐牢相威胁',
            nameEn: 'Threats of prison',
            category: 'threat',
            patterns: ['(让|送)你~2坐牢'],
            mustMatch: ['再不还就让你坐牢'],
            mustNotMatch: ['逃避执行可能承担法律责任'],
          },
        ],
      },
    });
    expect(version).toBe(basedOn + 1);
    await expect(admin.staff.rules.publish({ basedOn, draft: DRAFT })).rejects.toMatchObject({ code: 'CONFLICT' });
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'rules.publish'), eq(auditLog.resourceId, String(version))));
    expect(audit?.after).toMatchObject({
      version,
      phraseFamilies: expect.arrayContaining([expect.objectContaining({ id: 'prison' })]),
    });

    const { caseId } = await workingCases(ctx.w, 3);
    const me = await domainCaller(ctx.w, 'agencyA.collector');
    const call = {
      caseId,
      channel: 'call' as const,
      target: 'debtor' as const,
      index: 0,
      outcome: 'answered' as const,
      note: '',
    };
    const first = await logAction(ctx.handle.db, me, { ...call, note: '再不还就送 你 去坐牢' }, morning('09:00:00'));
    expect(first.action).toMatchObject({
      ruleVersion: version,
      flags: [
        { rule: 'forbiddenPhrase', values: { phrase: '送你去坐牢', familyId: 'prison', family: '以坐牢相威胁' } },
      ],
    });
    await logAction(ctx.handle.db, me, call, morning('09:10:00'));
    await expect(logAction(ctx.handle.db, me, call, morning('09:20:00'))).rejects.toMatchObject({
      code: 'rules.answeredCap',
    });
  });

  it('publishes a stricter stage policy that refuses contacts before their day, and refuses a looser one', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['platform.admin']);
    const [current] = await admin.staff.rules.list();
    const basedOn = current?.version ?? 1;
    const earlier = await admin.staff.rules
      .publish({
        basedOn,
        draft: { ...FLOOR, stagePolicy: { ...FLOOR.stagePolicy, visit: { debtor: 10, contact: null } } },
      })
      .catch((e: unknown) => e);
    expect(describeError('zh-CN', earlier as never).message).toBe(
      '不能放宽国家标准的底线：阶段策略（各方式最早可用的逾期天数）',
    );
    const opened = await admin.staff.rules
      .publish({
        basedOn,
        draft: { ...FLOOR, stagePolicy: { ...FLOOR.stagePolicy, email: { debtor: 1, contact: 60 } } },
      })
      .catch((e: unknown) => e);
    expect(opened).toMatchObject({ code: 'BAD_REQUEST' });
    // Calls to the debtor from day 50: a case 40 days overdue is refused, with the day it opens.
    const { version } = await admin.staff.rules.publish({
      basedOn,
      draft: { ...FLOOR, stagePolicy: { ...FLOOR.stagePolicy, call: { debtor: 50, contact: 50 } } },
    });
    expect((await admin.staff.rules.list())[0]?.rules.stagePolicy.call).toEqual({ debtor: 50, contact: 50 });
    const { caseId } = await workingCases(ctx.w, 2);
    // About noon where the debtor lives, whatever the hour of the run: the stage is what refuses.
    await inDaytimeZone(ctx.w, caseId);
    const collector = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    const verdict = await collector.work.canContact({ caseId, channel: 'call', target: 'debtor', index: 0 });
    expect(verdict).toMatchObject({ allowed: false, ruleVersion: version });
    expect(verdict.violations.map((v) => v.rule)).toContain('stageTooEarly');
    const refused = await collector.work
      .logAction({ caseId, channel: 'call', target: 'debtor', index: 0, outcome: 'answered', note: '' })
      .catch((e: unknown) => e);
    expect(describeError('zh-CN', refused as never).message).toMatch(
      /^按阶段策略，这种联系逾期第 50 天起才可以（今天是第 40 天）：最早 \d{4}-\d{2}-\d{2} 08:00$/,
    );
    // SMS stays open from day 1.
    expect(
      (await collector.work.canContact({ caseId, channel: 'sms', target: 'debtor', index: 0 })).violations.map(
        (v) => v.rule,
      ),
    ).not.toContain('stageTooEarly');
  });

  it('reads a version published before the stage policy with the floor’s policy', () => {
    const { stagePolicy: _s, ...older } = RULES_V1;
    const stored = { ...older, remindersOnlyUntilDay: 5, escalationFromDay: 18 };
    expect(readRuleSet(stored).stagePolicy).toEqual(DEFAULT_STAGE_POLICY);
    expect(readRuleSet(stored)).not.toHaveProperty('remindersOnlyUntilDay');
  });

  it('a package may set a stricter stage policy, never a looser one, and its cases follow the stricter', async () => {
    const manager = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
    const pkg = await draftPackage(ctx.w, 2, 'SPL');
    const loose = await manager.packages
      .saveTerms({
        packageId: pkg.id,
        terms: sampleTerms({ stagePolicy: { ...DEFAULT_STAGE_POLICY, call: { debtor: 2, contact: 18 } } }),
      })
      .catch((e: unknown) => e);
    expect(loose).toMatchObject({ code: 'BAD_REQUEST' });
    expect(describeError('zh-CN', loose as never)).toMatchObject({
      domainCode: 'package.stageLoosened',
      fieldErrors: { 'stagePolicy.call.debtor': [expect.stringMatching(/^案件包的阶段策略只能比平台规则更严/)] },
    });
    // Later than any version this file publishes.
    const stricter = { ...DEFAULT_STAGE_POLICY, call: { debtor: 60, contact: null } };
    const saved = await manager.packages.saveTerms({
      packageId: pkg.id,
      terms: sampleTerms({ stagePolicy: stricter }),
    });
    expect(saved.stagePolicy).toEqual(stricter);
    const { caseId } = await workingCases(ctx.w, 2, 'SPW', { stagePolicy: stricter });
    const collector = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    const page = await collector.work.case({ caseId });
    expect(page.stagePolicy.call).toEqual({ debtor: 60, contact: null });
    expect(page.stage).toBe('escalation');
    const call = await collector.work.canContact({ caseId, channel: 'call', target: 'debtor', index: 0 });
    expect(call.violations.map((v) => v.rule)).toContain('stageTooEarly');
    const contact = await collector.work.canContact({ caseId, channel: 'call', target: 'contact', index: 1 });
    expect(contact.violations.map((v) => v.rule)).toContain('stageClosed');
  });

  it('refuses families whose examples do not match as declared, or that catch less than version 1, naming family and example', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['platform.admin']);
    const before = await admin.staff.rules.list();
    const published = async () =>
      (await ctx.handle.db.select().from(auditLog).where(eq(auditLog.action, 'rules.publish'))).length;
    const auditsBefore = await published();
    const publish = (phraseFamilies: PhraseFamily[]) =>
      admin.staff.rules.publish({ basedOn: before[0]?.version ?? 1, draft: { ...DRAFT, phraseFamilies } });
    const workplace = DEFAULT_PHRASE_FAMILIES.find((f) => f.id === 'workplace') as PhraseFamily;

    expect(
      await refusal(publish(withFamily('workplace', { mustMatch: [...workplace.mustMatch, '我们去你单位拜访'] }))),
    ).toEqual({
      fields: ['phraseFamilies.0.mustMatch'],
      zh: '禁用语族“到单位、公司闹事”没有命中它应命中的例句“我们去你单位拜访”',
      en: 'The phrase family “Threats to make trouble at the workplace” does not catch its must-match example “我们去你单位拜访”',
    });
    expect((await refusal(publish(withFamily('impersonation', { patterns: ['法院~4(起诉|通知)'] })))).zh).toBe(
      '禁用语族“冒充公检法、律师”没有命中它应命中的例句“我是警察”',
    );
    expect(
      (
        await refusal(
          publish(withFamily('impersonation', { patterns: ['向法院~2起诉', '我是警察'], mustMatch: ['我是警察'] })),
        )
      ).zh,
    ).toBe('禁用语族“冒充公检法、律师”命中了它不应命中的例句“我们会依法向法院起诉”');
    expect((await refusal(publish(withFamily('insult', { patterns: ['(老赖|畜生'] })))).zh).toBe(
      '禁用语族“侮辱谩骂”的模式“(老赖|畜生”不能使用：括号、“|”或“?”不成对',
    );
    // Dropping the insults family would stop catching 老赖, which version 1 forbids.
    expect(await refusal(publish(DEFAULT_PHRASE_FAMILIES.filter((f) => f.id !== 'insult')))).toEqual({
      fields: ['phraseFamilies'],
      zh: '不能放宽第 1 版的禁用语：第 1 版“辱骂用语”的例句“老赖”在新版本中不再被任何禁用语族命中',
      en: 'Version 1 cannot be loosened: its example “老赖” (Insulting words) is no longer caught by any phrase family',
    });
    expect((await refusal(publish([...DEFAULT_PHRASE_FAMILIES, { ...workplace }]))).zh).toBe(
      '禁用语族“到单位、公司闹事”不能发布：编号重复',
    );
    expect((await refusal(publish(withFamily('insult', { patterns: ['死'] })))).en).toBe(
      'The pattern “死” of the phrase family “Insults” cannot be used: at least 2 required characters, or ordinary wording would be caught',
    );
    // Nothing was published, nothing audited.
    expect(await admin.staff.rules.list()).toHaveLength(before.length);
    expect(await published()).toBe(auditsBefore);
  });

  it('keeps version 1 as published and reads it as families that still catch all it caught', async () => {
    const [stored] = await ctx.handle.db.select().from(ruleSets).where(eq(ruleSets.version, 1));
    // Never rewritten: the row keeps its plain list.
    expect(stored?.rules).toMatchObject({ forbiddenPhrases: V1_LISTED_PHRASES });
    expect(stored?.rules).not.toHaveProperty('phraseFamilies');
    const reviewer = await callerAs(ctx.handle.db, ctx.w.users['platform.reviewer']);
    const versions = (await reviewer.staff.rules.list()).reverse();
    expect(versions.slice(0, 2).map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]?.rules).toEqual(RULES_V1);
    // Version 2 (migration 0033) is version 1's other rules with the default families.
    expect(versions[1]?.rules).toEqual({ ...RULES_V1, version: 2, phraseFamilies: DEFAULT_PHRASE_FAMILIES });
  });

  it('the migration publishing the families keeps, per category, phrases a later list added', async () => {
    // A version published as a plain list after version 1, with phrases of its own.
    const admin = await callerAs(ctx.handle.db, ctx.w.users['platform.admin']);
    const next = ((await admin.staff.rules.list())[0]?.version ?? 0) + 1;
    const { phraseFamilies: _f, ...rest } = RULES_V1;
    const added = [
      ...V1_LISTED_PHRASES,
      { phrase: '让你坐牢!', category: 'threat' },
      { phrase: '骗子(真)', category: 'insult' },
    ];
    await ctx.handle.db
      .insert(ruleSets)
      .values({ version: next, rules: { ...rest, version: next, forbiddenPhrases: added } });
    const migration = readFileSync('db/migrations/0039_phrase_families.sql', 'utf8');
    await ctx.handle.db.execute(sql.raw(migration.slice(migration.indexOf('-- hand-written'))));
    const [v4] = await admin.staff.rules.list();
    expect(v4?.version).toBe(next + 1);
    expect(v4?.rules.phraseFamilies.map((f) => f.id)).toEqual([
      ...DEFAULT_PHRASE_FAMILIES.map((f) => f.id),
      'listed-threat',
      'listed-insult',
    ]);
    expect(v4?.rules.phraseFamilies.slice(-2)).toMatchObject([
      { name: '威胁用语', patterns: ['让你坐牢!'], mustMatch: ['让你坐牢!'], mustNotMatch: [] },
      { name: '辱骂用语', patterns: ['骗子真'], mustMatch: ['骗子(真)'] },
    ]);
    // Running it again publishes nothing: the newest version has families.
    await ctx.handle.db.execute(sql.raw(migration.slice(migration.indexOf('-- hand-written'))));
    expect((await admin.staff.rules.list())[0]?.version).toBe(next + 1);
  });
});
