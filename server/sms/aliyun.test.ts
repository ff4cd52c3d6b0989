// Aliyun SMS (dysmsapi SendSms, signature version 1.0) against a local server that checks
// requests as the provider does: the signature recomputed from the query it received, the
// common parameters present. An accepted message keeps its BizId; the provider's flow
// control, its own faults, a 5xx and a silent network are worth a retry; every other code
// fails the message with that code; a provider that does not answer in time is a timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_ALIYUN_KEY_ID, FAKE_ALIYUN_SECRET, startFakeAliyun, type FakeAliyun } from '../testing/aliyun-sms';
import {
  aliyunProvider,
  aliyunTimestamp,
  canonicalQuery,
  isRetryableAliyunCode,
  percentEncode,
  signRpc,
  type AliyunConfig,
} from './aliyun';
import { SmsSendError, type SmsToSend } from './provider';
import { smsText } from './texts';

let fake: FakeAliyun;
beforeAll(async () => {
  fake = await startFakeAliyun();
});
afterAll(async () => {
  await fake.close();
});

const config = (overrides: Partial<AliyunConfig> = {}): AliyunConfig => ({
  endpoint: fake.endpoint,
  accessKeyId: FAKE_ALIYUN_KEY_ID,
  accessKeySecret: FAKE_ALIYUN_SECRET,
  signName: '阳光处置平台',
  templates: {
    'debtor.code': 'SMS_100001',
    'debtor.planApproved': 'SMS_100002',
    'debtor.planProposed': 'SMS_100003',
    'debtor.planDecided': 'SMS_100004',
  },
  timeoutMs: 2_000,
  ...overrides,
});

const code = (): SmsToSend => {
  const params = { code: '482913' };
  return { to: '13812345678', kind: 'debtor.code', params, text: smsText('debtor.code', params) };
};

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SmsSendError);
  return e as SmsSendError;
};

describe('the signature', () => {
  it('matches the provider’s documented example (DescribeRegions, key testid / testsecret)', () => {
    const params = {
      TimeStamp: '2016-02-23T12:46:24Z',
      Format: 'XML',
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      Version: '2014-05-26',
      SignatureVersion: '1.0',
    };
    expect(canonicalQuery(params)).toBe(
      'AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&TimeStamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26',
    );
    expect(signRpc(params, 'testsecret')).toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
  });

  it("percent-encodes by RFC 3986: a space as %20, * ! ' ( ) encoded, ~ kept, Chinese as UTF-8 bytes", () => {
    expect(percentEncode("a b*c!d'e(f)g~h")).toBe('a%20b%2Ac%21d%27e%28f%29g~h');
    expect(percentEncode('阳光')).toBe('%E9%98%B3%E5%85%89');
    expect(aliyunTimestamp(new Date('2026-03-05T08:09:10.123Z'))).toBe('2026-03-05T08:09:10Z');
  });
});

describe('SendSms', () => {
  it('sends a code with every required parameter, signed as the provider checks, and keeps the BizId', async () => {
    const before = fake.received.length;
    const sent = await aliyunProvider(config()).send(code());
    const request = fake.received[before];
    expect(request?.isSignatureValid).toBe(true);
    expect(sent.ref).toBe(`biz-${before + 1}`);
    expect(request?.params).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      Format: 'JSON',
      AccessKeyId: FAKE_ALIYUN_KEY_ID,
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      PhoneNumbers: '13812345678',
      SignName: '阳光处置平台',
      TemplateCode: 'SMS_100001',
      TemplateParam: '{"code":"482913"}',
    });
  });

  it('fills a template with the kind’s values, the creditor’s answer in words', async () => {
    const before = fake.received.length;
    const params = { contractNo: 'HT-2026-001', answer: 'rejected' };
    await aliyunProvider(config()).send({
      to: '13912345678',
      kind: 'debtor.planDecided',
      params,
      text: smsText('debtor.planDecided', params),
    });
    expect(fake.received[before]?.params).toMatchObject({
      TemplateCode: 'SMS_100004',
      TemplateParam: JSON.stringify({ contractNo: 'HT-2026-001', answer: '未同意' }),
    });
  });

  it('is refused by the provider when signed with another secret (the local server checks for real)', async () => {
    const e = await refusal(aliyunProvider(config({ accessKeySecret: 'wrong' })).send(code()));
    expect([e.code, e.isRetryable]).toEqual(['SignatureDoesNotMatch', false]);
  });

  it('retries on the provider’s flow control and throttling, and on its own faults', async () => {
    fake.answer(
      { kind: 'code', code: 'isv.BUSINESS_LIMIT_CONTROL' },
      { kind: 'code', code: 'Throttling.User', status: 400 },
      { kind: 'code', code: 'isp.SYSTEM_ERROR' },
    );
    for (const expected of ['isv.BUSINESS_LIMIT_CONTROL', 'Throttling.User', 'isp.SYSTEM_ERROR']) {
      const e = await refusal(aliyunProvider(config()).send(code()));
      expect([e.code, e.isRetryable]).toEqual([expected, true]);
    }
  });

  it('retries on a 5xx, keeping the provider’s code when it gave one', async () => {
    fake.answer({ kind: 'status', status: 502 }, { kind: 'code', code: 'ServiceUnavailable', status: 503 });
    const plain = await refusal(aliyunProvider(config()).send(code()));
    expect([plain.code, plain.isRetryable]).toEqual(['http.502', true]);
    const coded = await refusal(aliyunProvider(config()).send(code()));
    expect([coded.code, coded.isRetryable]).toEqual(['ServiceUnavailable', true]);
  });

  it('fails at once on a code that no retry can change, keeping the code', async () => {
    fake.answer(
      { kind: 'code', code: 'isv.MOBILE_NUMBER_ILLEGAL' },
      { kind: 'code', code: 'isv.SMS_TEMPLATE_ILLEGAL' },
    );
    for (const expected of ['isv.MOBILE_NUMBER_ILLEGAL', 'isv.SMS_TEMPLATE_ILLEGAL']) {
      const e = await refusal(aliyunProvider(config()).send(code()));
      expect([e.code, e.isRetryable]).toEqual([expected, false]);
    }
    fake.answer({ kind: 'status', status: 404, body: 'not here' });
    const e = await refusal(aliyunProvider(config()).send(code()));
    expect([e.code, e.isRetryable]).toEqual(['http.404', false]);
  });

  it('gives up on a provider that does not answer in time, as worth a retry', async () => {
    fake.answer({ kind: 'hang' });
    const started = Date.now();
    const e = await refusal(aliyunProvider(config({ timeoutMs: 300 })).send(code()));
    expect([e.code, e.isRetryable]).toEqual(['timeout', true]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('retries when nothing listens at the address', async () => {
    const e = await refusal(aliyunProvider(config({ endpoint: 'http://127.0.0.1:1/' })).send(code()));
    expect([e.code, e.isRetryable]).toEqual(['network', true]);
  });

  it('classifies codes: throttling and provider faults retry, the rest do not', () => {
    expect(
      ['Throttling', 'Throttling.Api', 'isv.BUSINESS_LIMIT_CONTROL', 'SignatureNonceUsed'].map(isRetryableAliyunCode),
    ).toEqual([true, true, true, true]);
    expect(
      ['isv.DAY_LIMIT_CONTROL', 'isv.OUT_OF_SERVICE', 'InvalidAccessKeyId.NotFound'].map(isRetryableAliyunCode),
    ).toEqual([false, false, false]);
  });
});
