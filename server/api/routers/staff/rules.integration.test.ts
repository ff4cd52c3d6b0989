// Publishing the rulebook (DESIGN §4): the platform tightens it as a new version, never
// loosens it below the national floor; a stale edit is refused; actions from then on are
// checked against, and record, the new version.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_POLICY } from '@/lib/stage-policy';
import { RULES_V1, ruleSetOf } from '../../../domain/rules/rulebook';
import { logAction } from '../../../domain/work/actions';
import { describeError } from '../../errors';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { draftPackage, sampleTerms } from '../../../testing/packages';
import { morning, workingCases } from '../../../testing/work';
import { callerAs, domainCaller } from '../../../testing/world';

const ctx = freshWorldPerTest();
const { version: _v, ...FLOOR } = RULES_V1;

describe('staff.rules', () => {
  it('publishes a tighter version that the next actions obey and record; refuses a looser one and a stale edit', async () => {
    const admin = await callerAs(ctx.handle.db, ctx.w.users['platform.admin']);
    const [current] = await admin.staff.rules.list();
    const basedOn = current?.version ?? 1;
    const loose = await admin.staff.rules
      .publish({ basedOn, draft: { ...FLOOR, maxAnsweredCallsPerDebtorPerDay: 4, windowEndMinutes: 23 * 60 } })
      .catch((e: unknown) => e);
    expect(loose).toMatchObject({ code: 'BAD_REQUEST' });
    expect(describeError('zh-CN', loose as never).message).toBe(
      '不能放宽国家标准的底线：晚间截止时间、每日有效通话上限',
    );
    const dropped = await admin.staff.rules
      .publish({ basedOn, draft: { ...FLOOR, forbiddenPhrases: FLOOR.forbiddenPhrases.slice(1) } })
      .catch((e: unknown) => e);
    expect(dropped).toMatchObject({ code: 'BAD_REQUEST' });

    const { version } = await admin.staff.rules.publish({
      basedOn,
      draft: {
        ...FLOOR,
        maxAnsweredCallsPerDebtorPerDay: 2,
        forbiddenPhrases: [...FLOOR.forbiddenPhrases, { phrase: '坐牢', category: 'threat' }],
      },
    });
    expect(version).toBe(basedOn + 1);
    await expect(admin.staff.rules.publish({ basedOn, draft: FLOOR })).rejects.toMatchObject({ code: 'CONFLICT' });

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
    const first = await logAction(ctx.handle.db, me, { ...call, note: '再不还就让你坐牢' }, morning('09:00:00'));
    expect(first.action).toMatchObject({
      ruleVersion: version,
      flags: [{ rule: 'forbiddenPhrase', values: { phrase: '坐牢' } }],
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
    expect(ruleSetOf(stored).stagePolicy).toEqual(DEFAULT_STAGE_POLICY);
    expect(ruleSetOf(stored)).not.toHaveProperty('remindersOnlyUntilDay');
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
});
