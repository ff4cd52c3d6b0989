// Alipay 当面付 precreate against a local gateway that checks requests as Alipay does (its
// RSA2 signature recomputed from the form it received) and signs its answers: a link is
// taken only from a signed answer; a notification is read only when Alipay's signature holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAlipay, type FakeAlipay } from '../testing/alipay';
import { alipayAmount, alipayProvider, alipayTimestamp, fenOfAlipay, rawMember, signContent } from './alipay';
import { PaymentProviderError } from './provider';

let fake: FakeAlipay;
beforeAll(async () => {
  fake = await startFakeAlipay();
});
afterAll(async () => {
  await fake.close();
});

const provider = (overrides: { privateKey?: string; appId?: string } = {}) =>
  alipayProvider(
    {
      gateway: fake.gateway,
      appId: overrides.appId ?? fake.appId,
      privateKey: overrides.privateKey ?? fake.merchantPrivateKey,
      alipayPublicKey: fake.alipayPublicKey,
      timeoutMs: 2_000,
    },
    { now: () => new Date('2026-12-04T02:03:04Z') },
  );
const request = {
  outTradeNo: 'KX7MQ4PD_ABC123',
  amount: 150_050,
  subject: '还款 KX7M-Q4PD',
  notifyUrl: 'https://daylight.example/api/payments/alipay/notify',
};

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PaymentProviderError);
  return e as PaymentProviderError;
};

describe('the request format', () => {
  it('signs every non-empty parameter but sign, sorted by name, values as they are', () => {
    expect(signContent({ b: '2', a: '1 2', sign: 'x', c: '' })).toBe('a=1 2&b=2');
    expect(alipayTimestamp(new Date('2026-12-04T16:03:04Z'))).toBe('2026-12-05 00:03:04');
    expect(alipayAmount(150_050)).toBe('1500.50');
    expect(alipayAmount(5)).toBe('0.05');
    expect(fenOfAlipay('1500.5')).toBe(150_050);
    expect(fenOfAlipay('-1')).toBeNull();
  });

  it('reads the exact text of the signed member, braces and quotes inside strings included', () => {
    const body = '{"x_response":{"a":"}\\"{","b":{"c":1}},"sign":"s"}';
    expect(rawMember(body, 'x_response')).toBe('{"a":"}\\"{","b":{"c":1}}');
    expect(rawMember(body, 'y')).toBeNull();
  });
});

describe('a pay link', () => {
  it('comes from a signed answer to a signed request: the QR link, for the amount in yuan', async () => {
    const { url } = await provider().createLink(request);
    expect(url).toMatch(/^https:\/\/qr\.alipay\.com\//);
    const last = fake.received.at(-1);
    expect(last?.isSignatureValid).toBe(true);
    expect(last?.fields).toMatchObject({
      app_id: fake.appId,
      method: 'alipay.trade.precreate',
      sign_type: 'RSA2',
      timestamp: '2026-12-04 10:03:04',
      notify_url: request.notifyUrl,
    });
    expect(JSON.parse(last?.fields.biz_content ?? '')).toEqual({
      out_trade_no: request.outTradeNo,
      total_amount: '1500.50',
      subject: '还款 KX7M-Q4PD',
    });
  });

  it('is refused by the gateway when signed with another key, with Alipay’s own code', async () => {
    const other = await startFakeAlipay();
    const e = await refusal(provider({ privateKey: other.merchantPrivateKey }).createLink(request));
    await other.close();
    expect(e.code).toBe('isv.invalid-signature');
  });

  it('is not believed when the answer is unsigned or signed by someone else', async () => {
    fake.answer({ kind: 'unsigned' }, { kind: 'forged' });
    expect((await refusal(provider().createLink(request))).code).toBe('alipay.badSignature');
    expect((await refusal(provider().createLink(request))).code).toBe('alipay.badSignature');
  });

  it('fails with the business error Alipay gives', async () => {
    fake.answer({ kind: 'error', subCode: 'ACQ.TRADE_HAS_SUCCESS' });
    expect((await refusal(provider().createLink(request))).code).toBe('ACQ.TRADE_HAS_SUCCESS');
  });

  it('fails as a network error when the gateway is not there', async () => {
    const gone = alipayProvider({
      gateway: 'http://127.0.0.1:9/gateway.do',
      appId: fake.appId,
      privateKey: fake.merchantPrivateKey,
      alipayPublicKey: fake.alipayPublicKey,
      timeoutMs: 1_000,
    });
    expect((await refusal(gone.createLink(request))).code).toBe('network');
  });
});

describe('a notification', () => {
  const fields = { out_trade_no: 'KX7MQ4PD_ABC123', trade_no: '2026120422001400001', total_amount: '1500.50' };

  it('is read when Alipay signed it', () => {
    expect(provider().readNotice(fake.notice(fields))).toEqual({
      outTradeNo: 'KX7MQ4PD_ABC123',
      tradeNo: '2026120422001400001',
      amount: 150_050,
      isPaid: true,
      appId: fake.appId,
      paidAt: new Date('2026-12-04T01:59:58Z'),
    });
    expect(provider().readNotice(fake.notice({ ...fields, trade_status: 'WAIT_BUYER_PAY' }))?.isPaid).toBe(false);
  });

  it('is refused when signed by anyone else, changed after signing, or unsigned', () => {
    expect(provider().readNotice(fake.notice(fields, { forged: true }))).toBeNull();
    expect(provider().readNotice({ ...fake.notice(fields), total_amount: '15005.00' })).toBeNull();
    const { sign: _, ...unsigned } = fake.notice(fields);
    expect(provider().readNotice(unsigned)).toBeNull();
  });
});
