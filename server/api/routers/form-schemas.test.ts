import { DEFAULT_STAGE_POLICY } from '@/lib/stage-policy';
import { stagePolicyFormValues } from '../../domain/shared/fields.schema';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import en from '@/messages/en.json';
import zh from '@/messages/zh-CN.json';
import { translateIssue, type Translate } from '@/lib/validation-messages';
import { ZAwardForm, ZNewPackageForm, ZTermsForm } from './packages/packages.schema';
import { ZBidForm } from './market/market.schema';
import { ZDecideRepaymentForm, ZReportRepaymentForm } from './repayments/repayments.schema';
import { ZLogActionForm, ZRecordVisitForm, ZRestructureForm } from './work/work.schema';

// The forms' schemas read what is typed into each procedure's input, and name what is wrong
// in the words the server answers (the same translateIssue on both sides).

const lookup =
  (catalog: Record<string, unknown>): Translate =>
  (key, values = {}) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
    if (typeof text !== 'string') throw new Error(`no message ${key}`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
  };

const messages = (schema: z.ZodType, value: unknown, catalog: Record<string, unknown> = zh) => {
  const read = schema.safeParse(value);
  if (read.success) return {};
  return Object.fromEntries(read.error.issues.map((i) => [i.path.join('.'), translateIssue(lookup(catalog), i)]));
};

const action = {
  channel: 'call',
  who: 'contact:2',
  outcome: 'answered',
  note: ' 已接通 ',
  templateId: '',
  promiseAmount: '',
  promiseDate: '',
};

describe('the action form', () => {
  it('reads the person, trims the note and leaves the promise out unless one is made', () => {
    expect(ZLogActionForm.parse({ ...action, promiseAmount: 'abc' })).toEqual({
      channel: 'call',
      target: 'contact',
      index: 2,
      outcome: 'answered',
      note: '已接通',
    });
  });

  it('reads a promise in yuan as fen', () => {
    const read = ZLogActionForm.parse({
      ...action,
      outcome: 'promise_to_pay',
      promiseAmount: '1,200.5',
      promiseDate: '2026-12-01',
    });
    expect(read).toMatchObject({ promiseAmount: 120_050, promiseDate: '2026-12-01' });
  });

  it("names a promise's missing amount and day in the server's words, in both languages", () => {
    const promise = { ...action, outcome: 'promise_to_pay' };
    expect(messages(ZLogActionForm, promise)).toEqual({
      promiseAmount: '承诺还款须填写大于 0 的金额',
      promiseDate: '必填',
    });
    expect(messages(ZLogActionForm, promise, en).promiseAmount).toBe('A promise to pay needs an amount above 0');
    expect(messages(ZLogActionForm, { ...promise, promiseAmount: '12.345', promiseDate: '2026-02-30' })).toEqual({
      promiseAmount: '请输入不小于 0 的金额（最多两位小数）',
      promiseDate: '格式不正确',
    });
  });

  it('sends a template only on a channel that needs one', () => {
    const templateId = '7b0c5a4e-2f7e-4c1a-9a53-0f4f3a0c9d11';
    expect(ZLogActionForm.parse({ ...action, templateId })).not.toHaveProperty('templateId');
    expect(ZLogActionForm.parse({ ...action, channel: 'sms', templateId })).toHaveProperty('templateId', templateId);
  });
});

describe('the visit record form', () => {
  it('asks the same of a promise made on site', () => {
    expect(
      messages(ZRecordVisitForm, { outcome: 'promise_to_pay', note: '', promiseAmount: '0', promiseDate: '' }),
    ).toEqual({ promiseAmount: '不能小于 1', promiseDate: '必填' });
  });
});

describe('the repayment report', () => {
  const report = { amount: '500', paidOn: '2026-11-23', channel: 'alipay', payer: '本人', reference: '', note: '' };
  it('reads the amount in yuan as fen', () => {
    expect(ZReportRepaymentForm.parse(report).amount).toBe(50_000);
  });
  it('names a missing payer and an amount that is not yuan', () => {
    expect(messages(ZReportRepaymentForm, { ...report, amount: '5元', payer: ' ' })).toEqual({
      amount: '请输入不小于 0 的金额（最多两位小数）',
      payer: '必填',
    });
  });
  it('asks a dispute for its reason, as the procedure does', () => {
    expect(messages(ZDecideRepaymentForm, { confirm: false, note: ' ' })).toEqual({ note: '提出异议时请写明原因' });
    expect(ZDecideRepaymentForm.parse({ confirm: true, note: '' })).toEqual({ confirm: true, note: '' });
  });
});

describe('packages and bids', () => {
  const terms = {
    closesAt: '2026-12-05T18:00',
    commissionStart: '2026-12-06',
    commissionEnd: '2027-03-06',
    reserveFeeBp: '30',
    expectedRecoveryBp: '15.5',
    maxReductionBp: '20',
    minTier: '',
    minScore: '',
    bidderCircle: 'all',
    invitedAgencyIds: ['7b0c5a4e-2f7e-4c1a-9a53-0f4f3a0c9d11'],
    allowedChannels: ['phone'],
    maxInstalments: '12',
    hasStagePolicy: false,
    stagePolicy: stagePolicyFormValues(DEFAULT_STAGE_POLICY),
    instalmentGraceDays: '5',
  };

  it('reads the terms: Beijing time, basis points, no tier or score, no invitations unless invited', () => {
    expect(ZTermsForm.parse(terms)).toEqual({
      closesAt: new Date('2026-12-05T10:00:00Z'),
      commissionStart: '2026-12-06',
      commissionEnd: '2027-03-06',
      reserveFeeBp: 3000,
      expectedRecoveryBp: 1550,
      maxReductionBp: 2000,
      minTier: null,
      minScore: null,
      bidderCircle: 'all',
      invitedAgencyIds: [],
      allowedChannels: ['phone'],
      maxInstalments: 12,
      stagePolicy: null,
      instalmentGraceDays: 5,
    });
  });

  it('reads a package’s own stage policy only when ticked: a blank cell is never, a day 0 or a word is named', () => {
    const typed = stagePolicyFormValues(DEFAULT_STAGE_POLICY);
    const own = { ...typed, call: { debtor: '10', contact: '' } };
    expect(ZTermsForm.parse({ ...terms, hasStagePolicy: true, stagePolicy: own }).stagePolicy).toEqual({
      ...DEFAULT_STAGE_POLICY,
      call: { debtor: 10, contact: null },
    });
    const bad = messages(ZTermsForm, {
      ...terms,
      hasStagePolicy: true,
      stagePolicy: { ...typed, call: { debtor: '0', contact: 'abc' } },
    });
    expect(Object.keys(bad).sort()).toEqual(['stagePolicy.call.contact', 'stagePolicy.call.debtor']);
  });

  it('names a bad percentage, score and empty channels as the page always has', () => {
    expect(messages(ZTermsForm, { ...terms, expectedRecoveryBp: 'abc', minScore: '101', allowedChannels: [] })).toEqual(
      {
        expectedRecoveryBp: '请输入 0–100 的百分比，最多两位小数',
        minScore: '请输入 0 到 100 的整数，或留空',
        allowedChannels: '至少选择一种方式',
      },
    );
  });

  it('names an instalment grace outside 0–30 days', () => {
    const graceOf = (instalmentGraceDays: string) =>
      Object.keys(messages(ZTermsForm, { ...terms, instalmentGraceDays }));
    expect(graceOf('31')).toEqual(['instalmentGraceDays']);
    expect(graceOf('-1')).toEqual(['instalmentGraceDays']);
    expect(graceOf('')).toEqual(['instalmentGraceDays']);
    expect(ZTermsForm.parse({ ...terms, instalmentGraceDays: '0' }).instalmentGraceDays).toBe(0);
  });

  it('reads a filter with bounds in yuan, and names a bound that is not', () => {
    const pkg = {
      name: '新包',
      kind: 'filter',
      importId: '',
      buckets: [2],
      provinces: [],
      minOverdue: '1000',
      maxOverdue: '',
    };
    expect(ZNewPackageForm.parse(pkg)).toEqual({
      name: '新包',
      source: { kind: 'filter', buckets: [2], minOverdue: 100_000 },
    });
    expect(messages(ZNewPackageForm, { ...pkg, maxOverdue: '1.001' })).toEqual({
      maxOverdue: '请输入不小于 0 的金额（最多两位小数）',
    });
  });

  it('reads an award split by count, and refuses one with no share', () => {
    const bidId = '7b0c5a4e-2f7e-4c1a-9a53-0f4f3a0c9d11';
    const award = { mode: 'count', winner: bidId, counts: [{ bidId, count: '10' }], provinces: [], buckets: [] };
    expect(ZAwardForm.parse(award)).toEqual([{ bidId, share: { kind: 'count', count: 10 } }]);
    expect(messages(ZAwardForm, { ...award, counts: [{ bidId, count: '' }] })).toEqual({ '': '至少选择一项' });
    expect(messages(ZAwardForm, { ...award, counts: [{ bidId, count: '1.5' }] })).toEqual({
      'counts.0.count': '请输入不小于 0 的整数',
    });
  });

  it('reads a bid and names a zero fee and an empty team', () => {
    const bid = {
      feeBp: '24.5',
      expectedRecoveryBp: '18',
      plan: '电话和短信为主，M3 以上发函',
      teamSize: '35',
      provinces: ['31'],
    };
    expect(ZBidForm.parse(bid)).toEqual({ ...bid, feeBp: 2450, expectedRecoveryBp: 1800, teamSize: 35 });
    expect(messages(ZBidForm, { ...bid, feeBp: '0', teamSize: '', provinces: [] })).toEqual({
      feeBp: '请输入 0–100 的百分比，最多两位小数',
      teamSize: '必填',
      provinces: '至少选择一项',
    });
  });
});

describe('the restructuring form', () => {
  const request = {
    kind: 'reduction',
    reductionBp: '10',
    deferTo: '',
    instalments: 'x',
    firstDueDate: '2026-12-13',
    reason: '一次性结清',
  };
  it("reads only the chosen kind's terms", () => {
    expect(ZRestructureForm.parse(request)).toEqual({
      kind: 'reduction',
      terms: { reductionBp: 1000, firstDueDate: '2026-12-13' },
      reason: '一次性结清',
    });
  });
  it('names the missing terms of the kind', () => {
    expect(messages(ZRestructureForm, { ...request, kind: 'instalments', instalments: '1', firstDueDate: '' })).toEqual(
      {
        instalments: '不能小于 2',
        firstDueDate: '必填',
      },
    );
  });
});
