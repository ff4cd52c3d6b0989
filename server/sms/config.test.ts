// The SMS provider comes from the environment: unset, development and tests keep messages in
// the outbox, production has no default (every message fails with sms.notConfigured and the
// server says so at start); Aliyun needs its keys, sign name and a template per kind. The
// text of each kind is Chinese, signed 【阳光处置平台】.
import { describe, expect, it } from 'vitest';
import { SMS_KINDS } from '@/lib/debtor';
import { isOutboxInUse, smsProvider, smsSetup, smsSetupNotes, templateVariable } from './config';
import { isValidSmsParams, smsText } from './texts';

const ALIYUN = {
  SMS_PROVIDER: 'aliyun',
  SMS_ALIYUN_ACCESS_KEY_ID: 'id',
  SMS_ALIYUN_ACCESS_KEY_SECRET: 'secret',
  SMS_SIGN_NAME: '阳光处置平台',
  SMS_TEMPLATE_DEBTOR_CODE: 'SMS_1',
  SMS_TEMPLATE_DEBTOR_PLAN_APPROVED: 'SMS_2',
  SMS_TEMPLATE_DEBTOR_PLAN_PROPOSED: 'SMS_3',
  SMS_TEMPLATE_DEBTOR_PLAN_DECIDED: 'SMS_4',
};

describe('the provider in use', () => {
  it('is the outbox when unset outside production, and none in production', () => {
    expect(smsSetup({ NODE_ENV: 'development' })).toEqual({ name: 'outbox' });
    expect(smsSetup({ NODE_ENV: 'test' })).toEqual({ name: 'outbox' });
    expect(smsSetup({ NODE_ENV: 'production' })).toMatchObject({ name: null });
    expect(smsProvider({ NODE_ENV: 'production' })).toBeNull();
    expect(isOutboxInUse({ NODE_ENV: 'production' })).toBe(false);
    expect(smsSetupNotes({ NODE_ENV: 'production' })).toEqual([
      { level: 'error', text: expect.stringContaining('sms.notConfigured') as string },
    ]);
    expect(smsSetupNotes({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('is what SMS_PROVIDER names; outbox in production is allowed (the browser tests) with a warning', () => {
    expect(smsProvider({ NODE_ENV: 'production', SMS_PROVIDER: 'outbox' })?.name).toBe('outbox');
    expect(smsSetupNotes({ NODE_ENV: 'production', SMS_PROVIDER: 'outbox' })).toMatchObject([{ level: 'warn' }]);
    expect(smsSetup({ NODE_ENV: 'production', SMS_PROVIDER: 'twilio' })).toMatchObject({ name: null });
  });

  it('is Aliyun with every setting, the default endpoint and timeout', () => {
    const setup = smsSetup({ NODE_ENV: 'production', ...ALIYUN });
    expect(setup).toEqual({
      name: 'aliyun',
      config: {
        endpoint: 'https://dysmsapi.aliyuncs.com/',
        accessKeyId: 'id',
        accessKeySecret: 'secret',
        signName: '阳光处置平台',
        templates: {
          'debtor.code': 'SMS_1',
          'debtor.planApproved': 'SMS_2',
          'debtor.planProposed': 'SMS_3',
          'debtor.planDecided': 'SMS_4',
        },
        timeoutMs: 10_000,
      },
    });
    expect(smsProvider({ ...ALIYUN })?.name).toBe('aliyun');
    expect(isOutboxInUse({ ...ALIYUN })).toBe(false);
    expect(smsSetupNotes({ NODE_ENV: 'production', ...ALIYUN })).toEqual([]);
  });

  it('is none when Aliyun misses a setting, naming each one missing', () => {
    const { SMS_TEMPLATE_DEBTOR_PLAN_DECIDED: _t, SMS_ALIYUN_ACCESS_KEY_SECRET: _s, ...partial } = ALIYUN;
    expect(smsSetup({ ...partial, SMS_ALIYUN_TIMEOUT_MS: 'soon' })).toEqual({
      name: null,
      problems: [
        'SMS_ALIYUN_ACCESS_KEY_SECRET is not set',
        'SMS_TEMPLATE_DEBTOR_PLAN_DECIDED is not set',
        'SMS_ALIYUN_TIMEOUT_MS is not a positive number',
      ],
    });
  });

  it('names a template variable per kind', () => {
    expect(SMS_KINDS.map(templateVariable)).toEqual([
      'SMS_TEMPLATE_DEBTOR_CODE',
      'SMS_TEMPLATE_DEBTOR_PLAN_APPROVED',
      'SMS_TEMPLATE_DEBTOR_PLAN_PROPOSED',
      'SMS_TEMPLATE_DEBTOR_PLAN_DECIDED',
    ]);
  });
});

describe('the texts', () => {
  it('says each kind in Chinese, signed', () => {
    expect(smsText('debtor.code', { code: '482913' })).toBe(
      '【阳光处置平台】您的验证码为482913，5分钟内有效，请勿告诉他人。',
    );
    expect(smsText('debtor.planApproved', { contractNo: 'HT-1' })).toContain('合同HT-1');
    expect(smsText('debtor.planProposed', { contractNo: 'HT-1' })).toContain('已提交债权人审核');
    expect(smsText('debtor.planDecided', { contractNo: 'HT-1', answer: 'approved' })).toContain('债权人已同意');
    expect(smsText('debtor.planDecided', { contractNo: 'HT-1', answer: 'rejected' })).toContain('债权人未同意');
    for (const kind of SMS_KINDS)
      expect(smsText(kind, { code: '1', contractNo: 'x', answer: 'approved' })).toMatch(/^【阳光处置平台】/);
  });

  it('takes exactly the values of the kind', () => {
    expect(isValidSmsParams('debtor.code', { code: '482913' })).toBe(true);
    expect(isValidSmsParams('debtor.code', {})).toBe(false);
    expect(isValidSmsParams('debtor.code', { code: '1', extra: 'x' })).toBe(false);
    expect(isValidSmsParams('debtor.code', { code: '1\n2' })).toBe(false);
    expect(isValidSmsParams('debtor.planDecided', { contractNo: 'x', answer: 'maybe' })).toBe(false);
    expect(() => smsText('debtor.planApproved', {})).toThrow();
  });
});
